import { homePaths } from '../../core/home.js';
import { println } from '../output.js';

export default async function configPath(): Promise<void> {
  const p = homePaths();
  println(`home      ${p.home}`);
  println(`config    ${p.config}`);
  println(`personas  ${p.personas}`);
  println(`history   ${p.database}`);
}
