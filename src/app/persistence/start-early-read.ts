// Imported first by the entry: IndexedDB opens and reads while the rest of the app's code evaluates.
import { startEarlyRead } from "./early-read";

startEarlyRead();
