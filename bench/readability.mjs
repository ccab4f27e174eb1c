// readability.mjs -- bench/speed's Readability.js side: Mozilla's Readability over linkedom's
// DOM, one page after another.  Usage: node readability.mjs LISTFILE (one HTML path a line);
// prints the seconds of the loop (file reading included, Node's start-up not) and the pages
// that gave an article.  Modules come from NODE_PATH (bench/node_modules).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(process.env.NODE_PATH + "/");
const { Readability } = require("@mozilla/readability");
const { parseHTML } = require("linkedom");

const files = readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean);
let done = 0;
const t = process.hrtime.bigint();
for (const f of files) {
	try {
		const { document } = parseHTML(readFileSync(f, "utf8"));
		if (new Readability(document).parse())
			done++;
	} catch {
		// A page Readability throws on counts as not done, as a page without an article does.
	}
}
console.log(Number(process.hrtime.bigint() - t) / 1e9, done);
