/** The intents the classifier knows; 'None' when it recognises none. */
export type IntentName =
  | 'control' | 'fighting' | 'displacement' | 'ceasefire' | 'reinforcements' | 'incidents'
  | 'casualties' | 'background' | 'actor' | 'russia' | 'summary' | 'timeline'
  | 'services' | 'prices' | 'aid' | 'health' | 'detention' | 'protests'
  | 'greeting' | 'help' | 'thanks' | 'out_of_scope' | 'None';
