import type { TopicIntent } from '../understand/intents.js';

// When the file holds nothing on a topic, the person still has a stance a real interviewee would
// give, and it follows from their temperament: a sceptic and a trusting person answer "free
// trials?" differently. These are short, first person, and used once each per session.

export const STANCES: Partial<Record<TopicIntent, { sceptical: readonly string[]; open: readonly string[] }>> = {
  'free-trials': {
    sceptical: [
      'A trial is fine, but I judge on results with my own data, not on a demo.',
      "I'll take a trial if it doesn't need my card up front. Most of them are built to make you forget to cancel.",
    ],
    open: ['I like trying things before paying, yes.', "A free trial is usually how I start. If it's good in the first week, I stay."],
  },
  'learning-tools': {
    sceptical: ['I learn by using it on real work. If I need a long course to get going, it has already lost me.'],
    open: ['I just dive in and poke around, and ask someone when I get stuck.'],
  },
  competitors: {
    sceptical: ['I always look at two or three options side by side before I commit to anything.'],
    open: ["I don't shop around much, to be honest. If something works, I stick with it."],
  },
  'loved-purchase': {
    sceptical: ['The things I am happiest with are the boring ones that just kept working.'],
    open: ["Honestly, the small things that make my day easier. Those are the ones I'm glad I bought."],
  },
  'regretted-purchase': {
    sceptical: ['Anything I bought on a promise instead of proof. I learned that the expensive way.'],
    open: ['A few impulse buys, like everyone. Nothing I lose sleep over.'],
  },
  spending: {
    sceptical: ['On the basics first, and I watch every recurring charge.'],
    open: ['Mostly on the everyday things, and the people around me.'],
  },
  'money-at-home': {
    sceptical: ['Carefully. I know where every month goes before it starts.'],
    open: ["We keep it fairly simple at home. We talk about the big things and don't fuss over the small ones."],
  },
  weekend: {
    sceptical: ['Quiet, mostly. I catch up on what the week left behind.'],
    open: ['I try to keep weekends for family and rest.'],
  },
  'ai-and-data': {
    sceptical: ['I want to know exactly where my data goes before I hand any of it over.'],
    open: ["I'm fairly relaxed about it if I get something useful back."],
  },
  'contact-preferences': {
    sceptical: ['In writing, and only when I have asked for it.'],
    open: ['A message is best. I answer when I have a minute.'],
  },
  trust: {
    sceptical: ['People I know, who have used the thing themselves. Not ads.'],
    open: ['Friends and people I work with, mostly.'],
  },
  switching: {
    sceptical: ['Switching costs more than the price tag, so it has to be clearly better, not a bit better.'],
    open: ["If something is clearly better, I'll switch. I'm not that attached."],
  },
  'buy-triggers': {
    sceptical: ['Proof from someone like me who already uses it.'],
    open: ['If it solves a real problem for me and the price is fair, that is usually enough.'],
  },
  'walk-away-triggers': {
    sceptical: ['Hidden costs, pushy sales, or any promise I cannot check.'],
    open: ['Being ignored when something goes wrong.'],
  },
  'non-negotiables': {
    sceptical: ['Honesty about the price. No surprises later.'],
    open: ['Being treated fairly.'],
  },
  wishes: {
    sceptical: ['More time, and fewer things that need my attention.'],
    open: ['More time with the people I care about.'],
  },
  hobbies: {
    sceptical: ["I don't have much spare time, honestly. When I do, I rest."],
    open: ['Time with family and friends, mostly. Nothing fancy.'],
  },
  'information-sources': {
    sceptical: ['People I trust in my own line of work, before anything online.'],
    open: ['Friends, and whatever comes up online.'],
  },
};
