// Print the text of a PDF as Mozilla's pdf.js (Firefox's viewer) reads it for copying and
// search: a JSON list of the lines of text, page after page, each line's pieces in the order
// drawn. (The last line of output: pdf.js may warn first.)
import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, disableFontFace: true, verbosity: 0 }).promise;
const lines = [];
for (let number = 1; number <= pdf.numPages; number++) {
  const { items } = await (await pdf.getPage(number)).getTextContent();
  let line = "";
  let baseline = null;
  for (const item of items) {
    const y = Math.round(item.transform[5]);
    if (baseline !== null && y !== baseline && line) {
      lines.push(line);
      line = "";
    }
    line += item.str;
    baseline = y;
  }
  if (line) lines.push(line);
}
console.log(JSON.stringify(lines));
