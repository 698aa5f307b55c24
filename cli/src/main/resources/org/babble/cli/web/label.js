'use strict';

const csrf = document.querySelector('meta[name="babble-csrf"]').content;
const $ = (id) => document.getElementById(id);
let session = null;
let pending = null; // a dragged range waiting for its label: {start, end} in seconds
let drag = null;

async function post(path, body) {
  const answer = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Babble-Csrf': csrf },
    body: JSON.stringify(body),
  });
  if (!answer.ok) {
    $('message').textContent = (await answer.text()).trim();
    if (answer.status === 409) { await load(); }
    return;
  }
  show(await answer.json());
}

async function load() {
  show(await (await fetch('/api/session')).json());
}

function show(s) {
  const previous = session && session.clip ? session.clip.id : null;
  session = s;
  const buttons = $('buttons');
  buttons.replaceChildren();
  s.labels.forEach((label, i) => {
    const b = document.createElement('button');
    b.dataset.label = label;
    b.textContent = (i + 1) + ' ' + label + ' (' + s.counts[label] + ')';
    b.addEventListener('click', () => choose(label));
    buttons.append(b);
  });
  for (const [key, text, act] of [['skip', 's skip', skip], ['undo', 'u undo', undo]]) {
    const b = document.createElement('button');
    b.dataset.action = key;
    b.textContent = text;
    b.addEventListener('click', act);
    buttons.append(b);
  }
  const census = $('census');
  census.replaceChildren();
  for (const row of s.census) {
    const li = document.createElement('li');
    li.textContent = row.line;
    li.dataset.label = row.label;
    if (row.clips > 0 && row.sources < 2) { li.className = 'few'; }
    census.append(li);
  }
  if (s.done) {
    $('position').textContent = s.total + '/' + s.total;
    $('name').textContent = 'All clips decided';
    $('guess').textContent = 'Ctrl-C in the terminal stops the server; u undoes the last decision.';
    $('picture').removeAttribute('src');
    $('audio').removeAttribute('src');
    $('ranges').replaceChildren();
    cancelRange();
    return;
  }
  const clip = s.clip;
  $('position').textContent = clip.position + '/' + s.total;
  $('name').textContent = clip.name;
  $('name').dataset.id = clip.id;
  $('guess').textContent = clip.problem
    ? 'cannot read it: ' + clip.problem
    : clip.seconds.toFixed(2) + ' s' + (clip.guess
      ? ' · model: ' + clip.guess.label + ' ' + clip.guess.score.toFixed(2) + (clip.guess.acceptable ? ' (Enter accepts)' : '')
      : '');
  if (previous !== clip.id) {
    $('picture').src = '/api/clips/' + clip.id + '/picture.png';
    $('audio').src = '/api/clips/' + clip.id + '/audio';
    cancelRange();
  }
  drawRanges();
}

function drawRanges() {
  const layer = $('ranges');
  layer.replaceChildren();
  if (!session || !session.clip || !session.clip.seconds) { return; }
  for (const r of session.clip.ranges) {
    const div = document.createElement('div');
    div.className = 'range';
    div.style.left = (100 * r.start / session.clip.seconds) + '%';
    div.style.width = (100 * (r.end - r.start) / session.clip.seconds) + '%';
    const tag = document.createElement('span');
    tag.textContent = r.label;
    div.append(tag);
    layer.append(div);
  }
}

function choose(label) {
  if (!session || session.done) { return; }
  if (pending) {
    const range = pending;
    cancelRange();
    post('/api/ranges', { clip: session.clip.id, start: range.start, end: range.end, label });
  } else {
    post('/api/decide', { clip: session.clip.id, action: 'label', label });
  }
}

function skip() {
  if (session && !session.done) { post('/api/decide', { clip: session.clip.id, action: 'skip' }); }
}

function undo() {
  post('/api/undo', {});
}

function accept() {
  if (session && !session.done) { post('/api/decide', { clip: session.clip.id, action: 'accept' }); }
}

function cancelRange() {
  pending = null;
  $('selection').hidden = true;
  $('pending').textContent = 'Drag across the waveform to label a range of a long recording.';
}

function seconds(x) {
  const box = $('picture').getBoundingClientRect();
  const fraction = Math.min(1, Math.max(0, (x - box.left) / box.width));
  return fraction * session.clip.seconds;
}

function paintSelection(a, b) {
  const box = $('picture').getBoundingClientRect();
  const left = Math.max(0, Math.min(a, b) - box.left);
  const right = Math.min(box.width, Math.max(a, b) - box.left);
  const sel = $('selection');
  sel.hidden = false;
  sel.style.left = left + 'px';
  sel.style.width = (right - left) + 'px';
}

$('stage').addEventListener('mousedown', (e) => {
  if (!session || session.done || !session.clip.seconds) { return; }
  e.preventDefault();
  drag = { from: e.clientX };
  paintSelection(e.clientX, e.clientX);
});
window.addEventListener('mousemove', (e) => {
  if (drag) { paintSelection(drag.from, e.clientX); }
});
window.addEventListener('mouseup', (e) => {
  if (!drag) { return; }
  const from = drag.from;
  drag = null;
  if (Math.abs(e.clientX - from) < 3) {
    cancelRange();
    return;
  }
  const a = seconds(Math.min(from, e.clientX));
  const b = seconds(Math.max(from, e.clientX));
  pending = { start: Math.round(a * 1000) / 1000, end: Math.round(b * 1000) / 1000 };
  $('pending').textContent = pending.start.toFixed(2) + '–' + pending.end.toFixed(2)
    + ' s: press a label\'s key (or button) to label this range, Esc to cancel';
});

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || e.target.tagName === 'INPUT') { return; }
  if (e.key >= '1' && e.key <= '9') {
    const label = session && session.labels[Number(e.key) - 1];
    if (label) { choose(label); } else { $('message').textContent = 'unknown key \'' + e.key + '\''; }
  } else if (e.key === 'Enter') {
    e.preventDefault();
    accept();
  } else if (e.key === 's' || e.key === 'S') {
    skip();
  } else if (e.key === 'u' || e.key === 'U') {
    undo();
  } else if (e.key === 'r' || e.key === 'R') {
    const audio = $('audio');
    audio.currentTime = 0;
    audio.play().catch(() => {});
  } else if (e.key === 'Escape') {
    cancelRange();
  } else {
    return;
  }
  $('message').textContent = '';
});

load();
