// Starts govuk-frontend's components and the referral form's enhancements. Loaded as an ES
// module from /api/assets/ (the Content-Security-Policy allows no inline script).
import { initAll } from "./govuk-frontend.min.js";
import { enhanceYoungPeople } from "./young-people.js";

initAll();
enhanceYoungPeople(document);
