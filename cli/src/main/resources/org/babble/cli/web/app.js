// The parent's page: polls /api/now every two seconds, and redraws the episodes and charts when the database changed.
'use strict';
const csrf = document.querySelector('meta[name="babble-csrf"]').content;
let version = null;
let nightDate = null;

function clock(iso) {
  return iso.substring(11, 16);
}

function duration(seconds) {
  const s = Math.round(seconds);
  if (s < 60) return s + ' s';
  const m = Math.floor(s / 60);
  if (m < 60) return m + ' min ' + (s % 60) + ' s';
  return Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
}

function showNow(now) {
  const pill = document.getElementById('listening');
  pill.textContent = now.listening ? 'listening' : 'not listening';
  pill.className = now.listening ? 'pill on' : 'pill';
  const state = document.getElementById('state');
  const detail = document.getElementById('detail');
  if (now.episode) {
    state.textContent = now.episode.label + ' for ' + duration(now.episode.seconds);
    state.className = 'state alarm';
  } else if (now.window) {
    state.textContent = now.listening ? 'No ' + now.label + ' now' : 'Not listening';
    state.className = 'state';
  } else {
    state.textContent = 'Nothing heard yet';
    state.className = 'state';
  }
  if (now.window) {
    const level = now.window.level_db === undefined ? '' : ', level ' + now.window.level_db + ' dBFS';
    detail.textContent = 'At ' + clock(now.window.end) + ': ' + now.window.top_label + ' '
      + Math.round(now.window.top_score * 100) + '%' + level;
  } else {
    detail.textContent = '';
  }
}

async function mark(id, verdict, item) {
  const answer = await fetch('/api/episodes/' + id + '/verdict', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Babble-Csrf': csrf },
    body: JSON.stringify({ verdict: verdict }),
  });
  if (answer.ok) {
    item.querySelectorAll('button').forEach(b => b.classList.toggle('chosen', b.dataset.verdict === verdict));
    item.dataset.verdict = verdict;
  }
}

function episodeItem(e) {
  const item = document.createElement('li');
  item.className = 'episode';
  item.dataset.id = e.id;
  item.dataset.verdict = e.verdict || '';
  const what = document.createElement('div');
  what.className = 'what';
  what.textContent = clock(e.start) + ' ' + e.label + ', ' + duration(e.seconds) + ', peak '
    + Math.round(e.peak * 100) + '%';
  item.appendChild(what);
  if (e.audio_pieces > 0) {
    // one player per episode; a long episode is kept as clip-length pieces, played one after another
    const audio = document.createElement('audio');
    audio.controls = true;
    audio.preload = 'metadata';
    let piece = 0;
    audio.src = '/api/episodes/' + e.id + '/audio/0';
    audio.addEventListener('ended', () => {
      if (piece + 1 < e.audio_pieces) {
        piece++;
        audio.src = '/api/episodes/' + e.id + '/audio/' + piece;
        audio.play();
      }
    });
    item.appendChild(audio);
    if (e.audio_pieces > 1) {
      what.textContent += ' (' + e.audio_pieces + ' pieces, played in turn)';
    }
  }
  for (const [verdict, text] of [['right', 'Right'], ['false_alarm', 'False alarm']]) {
    const button = document.createElement('button');
    button.textContent = text;
    button.dataset.verdict = verdict;
    button.classList.toggle('chosen', e.verdict === verdict);
    button.addEventListener('click', () => mark(e.id, verdict, item));
    item.appendChild(button);
  }
  return item;
}

async function showEpisodes() {
  const episodes = await (await fetch('/api/episodes')).json();
  const list = document.getElementById('episodes');
  list.replaceChildren(...episodes.slice().reverse().map(episodeItem));
  document.getElementById('episodes-empty').hidden = episodes.length > 0;
}

function chartWidth() {
  return Math.min(2000, Math.max(240, Math.round(document.querySelector('main').clientWidth * devicePixelRatio)));
}

function showCharts() {
  const w = chartWidth();
  const stamp = '&v=' + encodeURIComponent(version);
  document.getElementById('night-chart').src = '/chart/night.png?w=' + w + stamp;
  document.getElementById('days-chart').src = '/chart/days.png?days=30&w=' + w + stamp;
  showHours();
}

function showHours() {
  const night = nightDate ? '&night=' + nightDate : '';
  document.getElementById('hours-chart').src = '/chart/hours.png?w=' + chartWidth() + night + '&v='
    + encodeURIComponent(version);
}

async function poll() {
  try {
    const now = await (await fetch('/api/now')).json();
    showNow(now);
    if (now.version !== version) {
      version = now.version;
      await showEpisodes();
      showCharts();
    }
  } catch (e) {
    document.getElementById('listening').textContent = 'no answer';
  }
}

document.getElementById('night-date').addEventListener('change', e => {
  nightDate = e.target.value;
  showHours();
});
poll();
setInterval(poll, 2000);
