/** The intents the classifier knows; 'None' when it recognises none. */
export type IntentName =
  | 'control' | 'fighting' | 'displacement' | 'ceasefire' | 'reinforcements' | 'incidents'
  | 'casualties' | 'background' | 'actor' | 'russia' | 'summary' | 'timeline'
  | 'greeting' | 'help' | 'thanks' | 'out_of_scope' | 'None';
