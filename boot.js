/* budget-check loader: a classic script in ES5, so that every browser runs it far enough to say
 * whether it can run the page. Trunk's own loader is a module script with top-level `await`
 * (Chrome 89+), and module scripts and fetch() do not work from file://.
 *
 * The hosted page (dist/index.html) names the wasm-bindgen glue (built with
 * `--target no-modules`) and the wasm in data-glue / data-wasm on this script's element; the
 * single file (dist/budget-check.html) has the glue inline before this script and the wasm as
 * base64 in <script type="application/octet-stream" id="wasm-base64">.
 *
 * Outcomes, shown in #app until the page replaces it: unsupported (no WebAssembly or Promise:
 * at once), failed (a script or the wasm did not load or compile: at once, with the reason), and
 * slow (nothing either way after SLOW_MS: still loading, or the browser may be too old). */
(function () {
  'use strict';
  var SLOW_MS = 8000;
  var NEED_ZH = '本页需要 Chrome、Edge 或 Chromium 86 及以上版本（含 360 安全浏览器 13、奇安信、UOS 浏览器等同内核浏览器），或 Firefox 98 及以上版本，并允许运行 JavaScript 与 WebAssembly。';
  var NEED_EN = 'This page needs Chrome, Edge or Chromium 86 or newer (360 Secure Browser 13 and other browsers on that kernel included) or Firefox 98 or newer, with JavaScript and WebAssembly allowed.';
  var me = document.getElementById('boot');
  var settled = false;

  function show(state, zh, en) {
    if (settled) {
      return;
    }
    settled = state !== 'slow';
    var place = document.getElementById('boot-status');
    if (!place) {
      // Not parsed yet (this script runs in the head): try again once the body is there.
      document.addEventListener('DOMContentLoaded', function () {
        settled = false;
        show(state, zh, en);
      });
      return;
    }
    place.setAttribute('data-state', state);
    place.setAttribute('role', 'alert');
    place.className = 'loading boot-' + state;
    while (place.firstChild) {
      place.removeChild(place.firstChild);
    }
    var lines = [[zh, 'zh-CN'], [NEED_ZH, 'zh-CN'], [en, 'en'], [NEED_EN, 'en']];
    for (var i = 0; i < lines.length; i++) {
      var p = document.createElement('span');
      p.className = 'boot-line' + (lines[i][1] === 'en' ? ' en' : '');
      p.setAttribute('lang', lines[i][1]);
      p.appendChild(document.createTextNode(lines[i][0]));
      place.appendChild(p);
    }
  }

  function fail(what) {
    var detail = what && what.message ? what.message : String(what || '');
    var local = location.protocol === 'file:' && !document.getElementById('wasm-base64');
    var zh = local
      ? '检查程序无法从本地磁盘加载：浏览器不允许本页从 file:// 读取 .wasm 文件。请改用单文件版 budget-check.html，或通过网站打开本页。'
      : '检查程序加载失败（' + detail + '）。请刷新页面重试。';
    var en = local
      ? 'The checker cannot load from disk: browsers do not let this page read its .wasm over file://. Open the single file budget-check.html instead, or open this page from a web server.'
      : 'The checker failed to load (' + detail + '). Reload the page to retry.';
    show('failed', zh, en);
  }

  if (typeof WebAssembly !== 'object' || typeof Promise !== 'function' || typeof Uint8Array !== 'function') {
    show('unsupported', '此浏览器无法运行本页的检查程序。', 'This browser cannot run the checker.');
    return;
  }

  /* The readers of PDFs (pdf-text.wasm, crates/pdf-wasm) and workbooks (sheet-text.wasm,
   * crates/sheet-wasm) — the command line's own readers, no imports — are not part of the first
   * load: the page calls window.budgetCheckRead(kind, bytes, format, limit) when such a file
   * arrives, which fetches that kind's module (hosted: data-pdf / data-sheet on this script) or
   * unpacks it (single file: #pdf-wasm-base64 / #sheet-wasm-base64), then reads each file in a
   * worker of its own kind made from a blob: URL, so the page stays responsive. Resolves to the
   * reader's answer (Uint8Array, crates/reader-wire); rejects with { stage: 'load' | 'read',
   * message }. */
  function readerWorkerMain() {
    var compiled = null;
    self.onmessage = function (event) {
      var m = event.data;
      if (m.wasm) {
        compiled = WebAssembly.compile(m.wasm);
        return;
      }
      var stage = 'load';
      compiled.then(function (module) {
        return WebAssembly.instantiate(module, {});
      }).then(function (instance) {
        stage = 'read';
        var x = instance.exports;
        var file = new Uint8Array(m.file);
        var at = x.alloc(file.length) >>> 0;
        new Uint8Array(x.memory.buffer, at, file.length).set(file);
        var answer = x.read(at, file.length, m.format, m.limit) >>> 0;
        var length = new DataView(x.memory.buffer).getUint32(answer, true);
        var bytes = new Uint8Array(x.memory.buffer.slice(answer + 4, answer + 4 + length));
        self.postMessage({ id: m.id, answer: bytes }, [bytes.buffer]);
      })['catch'](function (e) {
        self.postMessage({ id: m.id, stage: stage, message: String((e && e.message) || e) });
      });
    };
  }

  var readers = {};
  var pending = {};
  var nextId = 0;

  function readerModule(kind) {
    var inline = document.getElementById(kind + '-wasm-base64');
    if (inline) {
      return Promise.resolve(bytesOf(inline.textContent).buffer);
    }
    return fetch(me.getAttribute('data-' + kind)).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status + ' ' + response.statusText + ': ' + response.url);
      }
      return response.arrayBuffer();
    });
  }

  function startReader(kind) {
    return readerModule(kind).then(function (wasm) {
      var source = '(' + readerWorkerMain.toString() + ')();';
      var url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      var worker = new Worker(url);
      var mine = {};
      worker.onmessage = function (event) {
        var m = event.data;
        var waiting = pending[m.id];
        delete pending[m.id];
        delete mine[m.id];
        if (waiting) {
          if (m.answer) {
            waiting.resolve(m.answer);
          } else {
            waiting.reject({ stage: m.stage, message: m.message });
          }
        }
      };
      worker.onerror = function (e) {
        for (var id in mine) {
          pending[id].reject({ stage: 'load', message: e.message || 'worker error' });
          delete pending[id];
        }
        mine = {};
        delete readers[kind];
      };
      worker.postMessage({ wasm: wasm }, [wasm]);
      return { worker: worker, mine: mine };
    });
  }

  window.budgetCheckRead = function (kind, bytes, format, limit) {
    if (!readers[kind]) {
      readers[kind] = startReader(kind);
      readers[kind]['catch'](function () {
        delete readers[kind];
      });
    }
    return readers[kind].then(function (reader) {
      return new Promise(function (resolve, reject) {
        var id = ++nextId;
        pending[id] = { resolve: resolve, reject: reject };
        reader.mine[id] = true;
        var copy = bytes.slice().buffer;
        reader.worker.postMessage({ id: id, file: copy, format: format, limit: limit }, [copy]);
      });
    }, function (e) {
      throw { stage: 'load', message: String((e && e.message) || e) };
    });
  };

  var slow = setTimeout(function () {
    show('slow', '检查程序仍未启动。若一直停在这里，多半是浏览器版本过旧。', 'The checker has not started yet. If it stays like this, the browser is most likely too old.');
  }, SLOW_MS);

  // A syntax error in the glue (a browser older than it) never reaches a promise.
  function onError(e) {
    if (!settled) {
      clearTimeout(slow);
      fail(e && (e.error || e.message) ? e.error || e : 'script error');
    }
  }
  window.addEventListener('error', onError);

  function started() {
    clearTimeout(slow);
    settled = true;
    window.removeEventListener('error', onError);
    document.documentElement.setAttribute('data-started', '');
  }

  function bytesOf(base64) {
    var text = atob(base64.replace(/\s+/g, ''));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes;
  }

  function run(source) {
    if (typeof wasm_bindgen !== 'function') {
      fail('wasm_bindgen is missing');
      return;
    }
    var init;
    try {
      init = wasm_bindgen({ module_or_path: source });
    } catch (e) {
      clearTimeout(slow);
      fail(e);
      return;
    }
    init.then(started, function (e) {
      clearTimeout(slow);
      fail(e);
    });
  }

  var inline = document.getElementById('wasm-base64');
  if (inline) {
    var bytes;
    try {
      bytes = bytesOf(inline.textContent);
    } catch (e) {
      clearTimeout(slow);
      fail(e);
      return;
    }
    run(bytes);
    return;
  }

  var glue = document.createElement('script');
  glue.src = me.getAttribute('data-glue');
  glue.onload = function () {
    run(me.getAttribute('data-wasm'));
  };
  glue.onerror = function () {
    clearTimeout(slow);
    fail(glue.src);
  };
  document.head.appendChild(glue);
})();
