/**
 * The frame of every AS page. Deliberately unlike the Flowlab app (own header, colours and
 * font) so a learner sees that the browser has left the client for the identity provider.
 * Inline in every page and allowed by its hash in the CSP (html.ts): change it freely, the hash follows.
 */
export const PAGE_CSS = `
body{margin:0;font-family:Georgia,'Times New Roman',serif;background:#f3efe6;color:#1f1a14}
header{background:#5b2a86;color:#fff;padding:14px 24px;font-size:1.15rem;letter-spacing:.02em}
header strong{font-weight:700}
main{max-width:440px;margin:40px auto;background:#fff;border:1px solid #d8cfbf;border-radius:6px;padding:28px 32px}
h1{font-size:1.4rem;margin-top:0}
label{display:block;margin:14px 0 4px;font-weight:700}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:9px;border:1px solid #6b6257;border-radius:4px;font-size:1rem}
button{margin-top:18px;padding:9px 20px;font-size:1rem;border-radius:4px;border:1px solid #5b2a86;cursor:pointer}
.primary{background:#5b2a86;color:#fff}.secondary{background:#fff;color:#5b2a86}
.error{background:#fde8e8;border:1px solid #b42318;color:#7a1a12;padding:10px;border-radius:4px}
.hint{background:#f6f1fb;border:1px dashed #5b2a86;padding:10px;border-radius:4px;font-size:.95rem}
.hint p{margin:0}
.warning{background:#fff7e0;border:1px solid #8a5a00;color:#4a3000;padding:10px;border-radius:4px}
.user-code{font-family:ui-monospace,monospace;font-size:1.3rem;letter-spacing:.08em}
.hint button{margin:8px 8px 0 0;padding:5px 12px;font-size:.9rem;background:#fff;color:#5b2a86}
footer{text-align:center;color:#5a5148;font-size:.85rem}
code{font-family:ui-monospace,monospace}
`;
