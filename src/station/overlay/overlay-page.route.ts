// GET /overlay/offer|countdown|question|lower-third?token=…: a 1920×1080 page with a transparent
// background for OBS's browser source. The page holds no data: it draws what /api/overlay sends,
// always as text (textContent, never markup), reconnects by itself, and clears on a refused token.
import { randomBytes } from 'node:crypto';
import { OVERLAY_NAMES, type OverlayName } from '../../shared/contract/index';
import type { Route } from '../transport/route-table';
import { countdownTime, countdownView } from './overlay-countdown';

export function isOverlayName(v: string): v is OverlayName {
  return (OVERLAY_NAMES as readonly string[]).includes(v);
}

export function createOverlayPageRoute(): Route {
  return {
    method: 'GET',
    path: '/overlay/*',
    summary: 'Overlay pages for OBS browser sources: /overlay/offer, /overlay/countdown, /overlay/question, /overlay/lower-third (?token=<overlay token>).',
    handle: ({ res, rest }) => {
      const name = rest.replace(/\/$/, '');
      if (!isOverlayName(name)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
        res.end(`No such overlay: ${OVERLAY_NAMES.join(', ')}.`);
        return;
      }
      const nonce = randomBytes(16).toString('base64');
      const html = page(name, nonce);
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(html),
        'cache-control': 'no-store',
        'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      res.end(html);
    },
  };
}

const STYLE = `
html,body{margin:0;width:1920px;height:1080px;background:transparent;overflow:hidden;font-family:"DejaVu Sans",Arial,sans-serif}
.box{position:absolute;display:none;color:#fff;background:rgba(12,12,20,.88);border-radius:18px;padding:28px 40px;box-sizing:border-box}
.on{display:block}
#offer{left:60px;bottom:80px;width:760px}
#offer .name{font-size:40px;font-weight:700}
#offer .price{font-size:96px;font-weight:800;color:#ffd34d;line-height:1.1}
#offer .code,#offer .bonus,#offer .stock{font-size:34px}
#offer.paused{background:rgba(190,0,0,.92)}
#offer .pausedText{font-size:56px;font-weight:800}
#countdown{right:60px;top:60px;text-align:right}
#countdown .label{font-size:30px}
#countdown .time{font-size:88px;font-weight:800;font-variant-numeric:tabular-nums}
#countdown .ended{font-size:88px;font-weight:800}
#question{left:60px;top:60px;width:900px}
#question .author{font-size:28px;color:#9fd3ff}
#question .text{font-size:40px}
#lower-third{left:0;bottom:40px;border-radius:0 18px 18px 0;padding-left:60px;min-width:800px}
#lower-third .title{font-size:48px;font-weight:700}
#lower-third .subtitle{font-size:32px}
`;

// Plain browser script; kept small and dependency-free because OBS's CEF runs it unattended.
const SCRIPT = `
(function(){
  var name = document.body.getAttribute('data-overlay');
  var token = new URLSearchParams(location.search).get('token') || '';
  var box = document.getElementById(name);
  // skew: the station's time minus this page's monotonic clock (never its wall clock, which can step
  // or be wrong: the station's times are on its steady clock, core.ts).
  var skew = 0, content = null, retry = 500, staleTimer = null;
  function el(cls){ var d = document.createElement('div'); d.className = cls; return d; }
  // dir=auto: a question or a name in Arabic or Hebrew reads right to left, aligned to its own side.
  function line(cls, text){ var d = el(cls); d.textContent = String(text); d.dir = 'auto'; return d; }
  function clear(){ content = null; box.className = 'box'; box.replaceChildren(); box.setAttribute('data-state', 'empty'); }
  var countdownTime = ${String(countdownTime)};
  var countdownView = ${String(countdownView)};
  function draw(){
    var c = content; box.replaceChildren();
    if (!c) { clear(); return; }
    if (name === 'offer' && c.offer) {
      var o = c.offer;
      if (o.paused) { box.append(line('pausedText', o.pausedText || 'PAUSED')); box.className = 'box on paused'; box.setAttribute('data-state','paused'); return; }
      box.append(line('name', o.name), line('price', o.price), line('code', 'Code ' + o.code));
      if (o.bonus && o.cap) box.append(line('bonus', o.bonus + ' — ' + o.cap));
      if (o.stockLeft) box.append(line('stock', o.stockLeft));
      box.className = 'box on'; box.setAttribute('data-state','live'); return;
    }
    if (name === 'countdown' && c.countdown) {
      // Running, "Ended" after a window (held a few seconds), or nothing: overlay-countdown.ts decides.
      var v = countdownView(c.countdown, performance.now() + skew, countdownTime);
      if (v.state !== 'hidden') {
        box.append(line('label', v.label), line(v.state === 'ended' ? 'ended' : 'time', v.text));
        box.className = 'box on'; box.setAttribute('data-state', v.state); box.setAttribute('data-kind', v.kind); return;
      }
    }
    if (name === 'question' && c.question) {
      box.append(line('author', c.question.author), line('text', c.question.text));
      box.className = 'box on'; box.setAttribute('data-state','shown'); return;
    }
    if (name === 'lower-third' && c.lowerThird) {
      box.append(line('title', c.lowerThird.title));
      if (c.lowerThird.subtitle) box.append(line('subtitle', c.lowerThird.subtitle));
      box.className = 'box on'; box.setAttribute('data-state','shown'); return;
    }
    box.className = 'box'; box.setAttribute('data-state','hidden');
  }
  function connect(){
    var proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    var ws = new WebSocket(proto + '//' + location.host + '/api/overlay?token=' + encodeURIComponent(token));
    ws.onmessage = function(ev){
      var f; try { f = JSON.parse(ev.data); } catch (e) { return; }
      if (f.t === 'hello') { skew = f.at - performance.now(); retry = 500; }
      if (f.t === 'content') { if (staleTimer) { clearTimeout(staleTimer); staleTimer = null; } content = f.content; draw(); }
    };
    ws.onclose = function(ev){
      // A refused token shows nothing at once; a lost station keeps the last content 3 s, then clears.
      if (ev.code === 4401) clear();
      else if (!staleTimer) staleTimer = setTimeout(clear, 3000);
      setTimeout(connect, retry); retry = Math.min(retry * 2, 5000);
    };
  }
  clear();
  setInterval(function(){ if (name === 'countdown' && content) draw(); }, 250);
  connect();
})();
`;

function page(name: OverlayName, nonce: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=1920,height=1080">
<title>Baton overlay: ${name}</title><style nonce="${nonce}">${STYLE}</style></head>
<body data-overlay="${name}"><div id="${name}" class="box" data-state="empty"></div>
<script nonce="${nonce}">${SCRIPT}</script></body></html>`;
}
