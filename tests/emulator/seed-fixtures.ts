/**
 * The default seed: the fictional "Bakkerij De Zonnebloem" of /work/shared/google-api-examples, copied here so the
 * tests stay self-contained. Utrecht holds the 9 reviews of gbp-v4-reviews-list.json + -last-page.json (edited review
 * with a stale reply, translation layouts A and B, anonymous, rating-only, emoji, hostile markup); Amersfoort holds the
 * 2 reviews of gbp-v4-batch-get-reviews.json that belong to it. The personal account owns no location.
 */
import type { Account, EmulatorSeed, Location, Review } from './types';

export const PERSONAL_ACCOUNT: Account = {
  "name": "accounts/103948576612093847561",
  "accountName": "Marieke Jansen",
  "type": "PERSONAL",
  "verificationState": "UNVERIFIED",
  "vettedState": "NOT_VETTED"
};

const BUSINESS = {
  "name": "accounts/114810029384756102938",
  "accountName": "Bakkerij De Zonnebloem",
  "type": "LOCATION_GROUP",
  "role": "PRIMARY_OWNER",
  "verificationState": "VERIFIED",
  "vettedState": "NOT_VETTED",
  "permissionLevel": "OWNER_LEVEL"
} satisfies Account;

const UTRECHT = {
  "name": "locations/4452901837465529101",
  "title": "Bakkerij De Zonnebloem – Oudegracht",
  "storeCode": "ZB-UTR-01",
  "storefrontAddress": {
    "regionCode": "NL",
    "languageCode": "nl",
    "postalCode": "3511 AZ",
    "locality": "Utrecht",
    "addressLines": [
      "Oudegracht 112"
    ]
  },
  "metadata": {
    "placeId": "ChIJEXAMPLE_zonnebloem_utr",
    "mapsUri": "https://maps.google.com/maps?cid=1234567890123456781",
    "newReviewUri": "https://search.google.com/local/writereview?placeid=ChIJEXAMPLE_zonnebloem_utr"
  }
} satisfies Location;

const AMERSFOORT = {
  "name": "locations/4452901837465529102",
  "title": "Bakkerij De Zonnebloem – Amersfoort",
  "storeCode": "ZB-AMF-02",
  "storefrontAddress": {
    "regionCode": "NL",
    "languageCode": "nl",
    "postalCode": "3811 GB",
    "locality": "Amersfoort",
    "addressLines": [
      "Langestraat 48"
    ]
  },
  "metadata": {
    "placeId": "ChIJEXAMPLE_zonnebloem_amf",
    "mapsUri": "https://maps.google.com/maps?cid=1234567890123456782",
    "newReviewUri": "https://search.google.com/local/writereview?placeid=ChIJEXAMPLE_zonnebloem_amf"
  }
} satisfies Location;

const UTRECHT_REVIEWS: Review[] = [
  {
    "name": "accounts/114810029384756102938/locations/4452901837465529101/reviews/AbFvOqkEXAMPLE3pieterEdited",
    "reviewId": "AbFvOqkEXAMPLE3pieterEdited",
    "reviewer": {
      "profilePhotoUrl": "https://lh3.googleusercontent.com/a-/ALV-UjEXAMPLE-pieter=s120-c-rp-mo-br100",
      "displayName": "Pieter de Graaf",
      "isAnonymous": false
    },
    "starRating": "TWO",
    "comment": "Update: sinds de verbouwing zijn de porties kleiner en de prijzen hoger. Eerder gaf ik vier sterren, nu twee.",
    "createTime": "2026-08-02T17:40:11.482Z",
    "updateTime": "2026-11-21T19:03:27.915Z",
    "reviewReply": {
      "comment": "Dank je wel, Pieter! Fijn dat ons brood je zo goed smaakt.",
      "updateTime": "2026-08-03T08:15:00Z"
    }
  },
  {
    "name": "accounts/114810029384756102938/locations/4452901837465529101/reviews/AbFvOqkEXAMPLE1sanneOneStar",
    "reviewId": "AbFvOqkEXAMPLE1sanneOneStar",
    "reviewer": {
      "profilePhotoUrl": "https://lh3.googleusercontent.com/a-/ALV-UjEXAMPLE-sanne=s120-c-rp-mo-br100",
      "displayName": "Sanne Vermeulen",
      "isAnonymous": false
    },
    "starRating": "ONE",
    "comment": "De appeltaart was droog en we stonden twintig minuten aan de toonbank zonder dat iemand ons hielp. Jammer, dit was altijd onze vaste bakker.",
    "createTime": "2026-11-20T07:58:02.106Z",
    "updateTime": "2026-11-20T07:58:02.106Z"
  },
  {
    "name": "accounts/114810029384756102938/locations/4452901837465529101/reviews/AbFvOqkEXAMPLE7emilyLayoutB",
    "reviewId": "AbFvOqkEXAMPLE7emilyLayoutB",
    "reviewer": {
      "profilePhotoUrl": "https://lh3.googleusercontent.com/a-/ALV-UjEXAMPLE-emily=s120-c-rp-mo-br100",
      "displayName": "Emily Hart",
      "isAnonymous": false
    },
    "starRating": "FIVE",
    "comment": "Best cinnamon buns in Utrecht, and the staff switched to English for us without blinking.\n\n(Translated by Google)\nDe beste kaneelbroodjes van Utrecht, en het personeel schakelde zonder aarzelen voor ons over op Engels.",
    "createTime": "2026-11-18T13:22:45Z",
    "updateTime": "2026-11-18T13:22:45Z"
  },
  {
    "name": "accounts/114810029384756102938/locations/4452901837465529101/reviews/AbFvOqkEXAMPLE5anonThreeStar",
    "reviewId": "AbFvOqkEXAMPLE5anonThreeStar",
    "reviewer": {
      "isAnonymous": true
    },
    "starRating": "THREE",
    "comment": "Prima brood, maar op zaterdagochtend is het veel te druk en er is geen plek om te zitten.",
    "createTime": "2026-11-15T10:05:33.500Z",
    "updateTime": "2026-11-15T10:05:33.500Z"
  },
  {
    "name": "accounts/114810029384756102938/locations/4452901837465529101/reviews/AbFvOqkEXAMPLE6daanLayoutA",
    "reviewId": "AbFvOqkEXAMPLE6daanLayoutA",
    "reviewer": {
      "profilePhotoUrl": "https://lh3.googleusercontent.com/a-/ALV-UjEXAMPLE-daan=s120-c-rp-mo-br100",
      "displayName": "Daan Bakker",
      "isAnonymous": false
    },
    "starRating": "FIVE",
    "comment": "(Translated by Google) Delicious sourdough bread and friendly service. We come back every week.\n\n(Original)\nHeerlijk zuurdesembrood en vriendelijke bediening. We komen elke week terug.",
    "createTime": "2026-11-09T16:47:10.734012Z",
    "updateTime": "2026-11-09T16:47:10.734012Z",
    "reviewReply": {
      "comment": "Wat fijn om te lezen, Daan! Tot volgende week bij de Oudegracht.",
      "updateTime": "2026-11-10T09:00:12.345Z"
    }
  },
  {
    "name": "accounts/114810029384756102938/locations/4452901837465529101/reviews/AbFvOqkEXAMPLE2oliverReplied",
    "reviewId": "AbFvOqkEXAMPLE2oliverReplied",
    "reviewer": {
      "profilePhotoUrl": "https://lh3.googleusercontent.com/a-/ALV-UjEXAMPLE-oliver=s120-c-rp-mo-br100",
      "displayName": "Oliver Bennett",
      "isAnonymous": false
    },
    "starRating": "FIVE",
    "comment": "Stopped by on a canal walk. Great coffee, warm stroopwafels, and a very patient cashier. Highly recommended!",
    "createTime": "2026-10-28T12:30:00Z",
    "updateTime": "2026-10-28T12:30:00Z",
    "reviewReply": {
      "comment": "Thank you, Oliver! We are glad the stroopwafels made your walk even better. Hope to see you again.",
      "updateTime": "2026-10-28T15:02:41.120Z"
    }
  },
  {
    "name": "accounts/114810029384756102938/locations/4452901837465529101/reviews/AbFvOqkEXAMPLE4fatimaRatingOnly",
    "reviewId": "AbFvOqkEXAMPLE4fatimaRatingOnly",
    "reviewer": {
      "profilePhotoUrl": "https://lh3.googleusercontent.com/a-/ALV-UjEXAMPLE-fatima=s120-c-rp-mo-br100",
      "displayName": "Fatima El Amrani",
      "isAnonymous": false
    },
    "starRating": "FIVE",
    "createTime": "2026-10-19T08:11:09.002Z",
    "updateTime": "2026-10-19T08:11:09.002Z"
  },
  {
    "name": "accounts/114810029384756102938/locations/4452901837465529101/reviews/AbFvOqkEXAMPLE8joostEmoji",
    "reviewId": "AbFvOqkEXAMPLE8joostEmoji",
    "reviewer": {
      "profilePhotoUrl": "https://lh3.googleusercontent.com/a-/ALV-UjEXAMPLE-joost=s120-c-rp-mo-br100",
      "displayName": "Joost 🚲 van Leeuwen",
      "isAnonymous": false
    },
    "starRating": "FIVE",
    "comment": "Top service 👍\nDe taart voor ons jubileum was precies zoals besteld — zelfs de naam was goed gespeld! 🎉",
    "createTime": "2026-09-30T18:44:50Z",
    "updateTime": "2026-09-30T18:44:50Z"
  },
  {
    "name": "accounts/114810029384756102938/locations/4452901837465529101/reviews/AbFvOqkEXAMPLE9hostileMarkup",
    "reviewId": "AbFvOqkEXAMPLE9hostileMarkup",
    "reviewer": {
      "profilePhotoUrl": "https://lh3.googleusercontent.com/a-/ALV-UjEXAMPLE-test=s120-c-rp-mo-br100",
      "displayName": "<b>Mr. Markup</b>",
      "isAnonymous": false
    },
    "starRating": "FIVE",
    "comment": "Great cakes <img src=x onerror=\"alert(1)\"> & <script>alert(\"review\")</script> — tags must stay plain text.",
    "createTime": "2026-09-12T21:13:37.640Z",
    "updateTime": "2026-09-12T21:13:37.640Z"
  }
];

const AMERSFOORT_REVIEWS: Review[] = [
  {
    "name": "accounts/114810029384756102938/locations/4452901837465529102/reviews/AbFvOqkEXAMPLEamf1lotteFour",
    "reviewId": "AbFvOqkEXAMPLEamf1lotteFour",
    "reviewer": {
      "profilePhotoUrl": "https://lh3.googleusercontent.com/a-/ALV-UjEXAMPLE-lotte=s120-c-rp-mo-br100",
      "displayName": "Lotte Smit",
      "isAnonymous": false
    },
    "starRating": "FOUR",
    "comment": "Nieuwe vestiging, zelfde goede krentenbollen. Alleen jammer dat pinnen soms niet lukt.",
    "createTime": "2026-11-19T11:20:05.219Z",
    "updateTime": "2026-11-19T11:20:05.219Z"
  },
  {
    "name": "accounts/114810029384756102938/locations/4452901837465529102/reviews/AbFvOqkEXAMPLEamf2ratingOnly",
    "reviewId": "AbFvOqkEXAMPLEamf2ratingOnly",
    "reviewer": {
      "isAnonymous": true
    },
    "starRating": "ONE",
    "createTime": "2026-11-17T20:02:40Z",
    "updateTime": "2026-11-17T20:02:40Z"
  }
];

export const FIXTURE_ACCOUNT = BUSINESS.name;
export const FIXTURE_UTRECHT = `${BUSINESS.name}/${UTRECHT.name}`;
export const FIXTURE_AMERSFOORT = `${BUSINESS.name}/${AMERSFOORT.name}`;

/** A fresh deep copy of the fixtures business each call (the emulator mutates its seed). */
export function fixturesSeed(): EmulatorSeed {
  const seed: EmulatorSeed = {
    accounts: [
      { ...PERSONAL_ACCOUNT, locations: [] },
      { ...BUSINESS, locations: [{ ...UTRECHT, reviews: UTRECHT_REVIEWS }, { ...AMERSFOORT, reviews: AMERSFOORT_REVIEWS }] },
    ],
  };
  return structuredClone(seed);
}
