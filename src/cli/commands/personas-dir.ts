import { homePaths } from '../../core/home.js';
import { println } from '../output.js';

export default async function personasDir(): Promise<void> {
  println(homePaths().personas);
}
