// Print what ical.js reads from an .ics file, as JSON: one object per VEVENT/VTODO.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const root = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
const out = [];
for (const comp of root.getAllSubcomponents()) {
  if (comp.name !== "vevent" && comp.name !== "vtodo") continue;
  const start = comp.getFirstPropertyValue(comp.name === "vtodo" ? "due" : "dtstart");
  const end = comp.name === "vevent" ? comp.getFirstPropertyValue("dtend") : null;
  const alarm = comp.getFirstSubcomponent("valarm");
  out.push({
    component: comp.name,
    uid: comp.getFirstPropertyValue("uid"),
    sequence: comp.getFirstPropertyValue("sequence"),
    summary: comp.getFirstPropertyValue("summary"),
    status: comp.getFirstPropertyValue("status"),
    start_utc: start.isDate ? start.toString() : start.toJSDate().toISOString(),
    end_utc: end ? (end.isDate ? end.toString() : end.toJSDate().toISOString()) : null,
    tzid: start.isDate ? null : start.zone.tzid,
    trigger: alarm ? alarm.getFirstPropertyValue("trigger").toString() : null,
  });
}
console.log(JSON.stringify(out));
