import type { TextBank } from './types';

/** English review fragments (expats and tourists) for a bakery-café. `{city}` is the location's town. */
export const TEXTS_EN: TextBank = {
  pos: {
    bread: [
      'The sourdough is fantastic: crackly crust, soft and airy inside.',
      'Proper bread, the kind that is hard to find outside a real bakery.',
      'Their rye loaf with seeds stays fresh for days.',
      'We buy our weekly loaf here and it has never disappointed.',
    ],
    pastry: [
      'Best cinnamon buns in {city}, hands down.',
      'The croissants are flaky and buttery, just like in Paris.',
      'The Dutch apple pie is generous and not too sweet.',
      'Warm stroopwafels straight from the iron, what a treat.',
    ],
    coffee: [
      'Great coffee, and they do a lovely oat flat white.',
      'The cappuccino was spot on.',
      'Good strong coffee, which is exactly what I needed after a long train ride.',
    ],
    staff: [
      'The staff switched to English for us without blinking.',
      'Very patient cashier who explained all the Dutch pastries to us.',
      'Friendly team, always a smile even when it is busy.',
      'The owner came over to ask how we liked everything.',
    ],
    waiting: ['Even with a queue out the door we were served within minutes.', 'Quick service, our order was ready in no time.'],
    price: ['Not cheap, but worth every cent.', 'Fair prices for handmade bread.'],
    clean: ['Spotless shop and clean restrooms.', 'Everything looked neat and well kept.'],
    order: ['Ordered a birthday cake online and it was exactly as requested.', 'Pre-ordered online and it was ready with my name on it.'],
    parking: ['Easy to reach by bike, plenty of racks outside.', 'There is a car park around the corner.'],
    hours: ['Love that they open early, perfect before work.', 'Open on Sunday mornings, which is rare here.'],
    seating: ['Lovely terrace by the canal.', 'Cosy interior with big windows, great for working an hour.'],
    lunch: ['The tomato soup and cheese sandwich made a perfect lunch.', 'Good vegan options at lunch.'],
  },
  neg: {
    bread: ['The bread was stale by the next morning.', 'The loaf was still doughy in the middle.', 'They had run out of sourdough by 11am.'],
    pastry: [
      'The apple pie was dry and tasted a day old.',
      'The croissants were greasy and flat.',
      'The cream on the cake had gone sour, which is not acceptable.',
    ],
    coffee: ['The coffee was lukewarm and bitter.', 'I asked for oat milk and got regular milk, even though I am lactose intolerant.'],
    staff: [
      'The staff were curt and barely looked at us.',
      'The cashier was on his phone the whole time we waited.',
      'When I asked about allergens I got an annoyed sigh.',
    ],
    waiting: [
      'We stood at the counter for twenty minutes before anyone helped us.',
      'Forty minutes for two sandwiches is far too long.',
      'Our order was forgotten and only arrived after half an hour.',
    ],
    price: ['Four fifty for a croissant is ridiculous.', 'Prices went up while the portions got smaller.', 'Way too expensive for what you get.'],
    clean: ['Sticky tables and nobody cleared them.', 'The restroom was dirty and there was no soap.'],
    order: [
      'I ordered a cake for Saturday and it simply was not there.',
      'Got the wrong order and only noticed at home.',
      'Two rolls were missing from my online order.',
    ],
    parking: ['Parking is a nightmare around here.', 'No space for bikes, everything was full.'],
    hours: ['Google says open until 6pm but the door was locked at 5.', 'Closed on Monday without any notice.'],
    seating: ['Far too few seats, we had to drink our coffee standing.', 'So noisy we could not hear each other.'],
    lunch: ['The sandwich was thin on filling and the lettuce was limp.', 'The soup was lukewarm and far too salty.'],
  },
  open: {
    5: ['What a gem!', 'Our favourite spot in {city}.', 'Stopped by on a canal walk.', 'Absolutely loved this place.'],
    4: ['Nice little bakery.', 'Good find near our hotel.', 'First visit today.'],
    3: ['Mixed experience.', 'Decent, but room for improvement.', 'Not sure what to make of this one.'],
    2: ['Disappointing visit.', 'Used to be better.', 'Expected more based on the reviews.'],
    1: ['Never again.', 'Terrible experience.', 'Really disappointed.', 'Avoid.'],
  },
  close: {
    5: ['Highly recommended!', 'We will definitely be back.', 'Keep it up!', 'A must when in {city}. 🥐'],
    4: ['Would come again.', 'Worth a visit.', 'Otherwise great.'],
    3: ['Might give it another try.', 'Maybe an off day?', 'Three stars for now.'],
    2: ['Not sure I will return.', 'Please sort this out.', 'Shame.'],
    1: ['Will not be coming back.', 'Save your money.', 'I asked for a refund and got nowhere.'],
  },
  short: {
    5: ['Amazing!', 'Best bakery in {city}.', 'Lovely coffee and cake ☕', 'Great bread, great people.'],
    4: ['Good bakery.', 'Nice bread, a bit pricey.', 'Solid coffee.'],
    3: ['It was ok.', 'Fine, nothing special.', 'Tasty but slow.'],
    2: ['Underwhelming.', 'Overpriced and bland.', 'Not what it used to be.'],
    1: ['Rude staff.', 'Never again.', 'Sold us stale bread.', 'Awful service.'],
  },
  but: ['But', 'Only downside:', 'Sadly,', 'However,'],
};
