/** English phrases per step. Keep them short, warm and concrete; one apology lives in "empathise" only. */
import { enPhrase as p, type Phrase } from './types';

export const enPhrases: readonly Phrase[] = [
  // Thank (criticism): greeting with the name, then thanks.
  p('en.thank.c1', 'thank', 'criticism', 'Hi {name},\n\nThank you for taking the time to tell us about your visit.', 'Hello,\n\nThank you for taking the time to tell us about your visit.'),
  p('en.thank.c2', 'thank', 'criticism', 'Dear {name},\n\nThank you for your honest review.', 'Hello,\n\nThank you for your honest review.'),
  p('en.thank.c3', 'thank', 'criticism', 'Hello {name},\n\nThank you for letting us know how it went; feedback like yours helps us improve.', 'Hello,\n\nThank you for letting us know how it went; feedback like yours helps us improve.'),
  p('en.thank.c4', 'thank', 'criticism', 'Hi {name},\n\nThanks for sharing this with us, and for being so clear about what went wrong.', 'Hello,\n\nThanks for sharing this with us, and for being so clear about what went wrong.'),
  // Empathise: the one apology of the reply, about what happened, never about how they feel.
  p('en.empathise.1', 'empathise', 'criticism', 'We are sorry we did not help you the way we should have.'),
  p('en.empathise.2', 'empathise', 'criticism', 'I can imagine how frustrating that was, and I am sorry it happened.'),
  p('en.empathise.3', 'empathise', 'criticism', 'Sorry: that is not the experience we want anyone to have with us.'),
  p('en.empathise.4', 'empathise', 'criticism', 'That must have been disappointing, and we apologise for it.'),
  // Own it.
  p('en.own.1', 'own', 'criticism', 'This is not how it should go.'),
  p('en.own.2', 'own', 'criticism', 'This does not meet our own standard, and we take it seriously.'),
  p('en.own.3', 'own', 'criticism', 'That is our responsibility, and we are looking into what went wrong.'),
  p('en.own.4', 'own', 'criticism', 'We have shared your review with the team, so that this does not happen again.'),
  // Offer: a channel of the business, never the reviewer's data.
  p('en.offer.1', 'offer', 'criticism', 'We would like to make this right. Could you contact us at {contact}, so we can talk it through?'),
  p('en.offer.2', 'offer', 'criticism', 'Please get in touch with us at {contact}; we would like to hear more and find a solution together.'),
  p('en.offer.3', 'offer', 'criticism', 'We would like to hear more and make it right. Please send us a message, so we can talk it through.'),
  p('en.offer.4', 'offer', 'criticism', 'We are looking into it now. If you like, we will gladly call you back: just send us a message.'),
  p('en.offer.5', 'offer', 'criticism', 'Next time you visit, please ask for the manager, so we can talk it over in person.'),
  // Thank (praise).
  p('en.thank.p1', 'thank', 'praise', 'Hi {name},\n\nThank you so much for your lovely review.', 'Hello,\n\nThank you so much for your lovely review.'),
  p('en.thank.p2', 'thank', 'praise', 'Dear {name},\n\nThank you for your kind words.', 'Hello,\n\nThank you for your kind words.'),
  p('en.thank.p3', 'thank', 'praise', 'Hello {name},\n\nWhat a wonderful review, thank you.', 'Hello,\n\nWhat a wonderful review, thank you.'),
  // Name what they liked ({topic} quotes the review).
  p('en.liked.t1', 'liked', 'praise', 'Reading “{topic}” made our day: that is exactly what we work for.'),
  p('en.liked.t2', 'liked', 'praise', 'You mentioned “{topic}”, and that made our day.'),
  p('en.liked.t3', 'liked', 'praise', 'It is great to hear what you enjoyed most: “{topic}”.'),
  p('en.liked.1', 'liked', 'praise', 'We are glad you enjoyed your visit.'),
  p('en.liked.2', 'liked', 'praise', 'It is great to hear that everything was to your liking.'),
  p('en.liked.3', 'liked', 'praise', 'Your kind words made the whole team smile.'),
  // Invite back.
  p('en.invite.l1', 'invite', 'praise', 'We hope to welcome you again soon at {location}.'),
  p('en.invite.b1', 'invite', 'praise', 'See you again soon at {business}.'),
  p('en.invite.1', 'invite', 'praise', 'We look forward to seeing you again soon.'),
  p('en.invite.2', 'invite', 'praise', 'We hope to see you again next time you are in the neighbourhood.'),
  p('en.invite.3', 'invite', 'praise', 'Until next time, and enjoy your day.'),
  // Close: the sign-off with the signature (a first name or ^initials).
  p('en.close.1', 'close', 'any', 'Kind regards,\n{signature}'),
  p('en.close.2', 'close', 'any', 'Best wishes,\n{signature}'),
  p('en.close.3', 'close', 'any', 'Warm regards,\n{signature}'),
];
