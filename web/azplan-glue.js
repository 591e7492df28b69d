// The page's half of src/platform/web/platform_web.cpp: files, downloads, storage,
// canvas sizing and the state the tests read (window.azplan). No eval, no network
// beyond the page's own origin.
"use strict";
(function () {
  var canvas = document.getElementById("canvas");
  // frames: frames the app built; painted: those whose picture changed and were drawn.
  // The app draws only when something changes (src/main/frame_pacer.h): an idle page
  // builds no frames at all.
  var state = { frames: 0, painted: 0, frameTimes: [], frameLog: [], ready: false };
  window.azplan = state;

  // Which renderer draws, decided before the module starts (src/main/main.cpp reads it).
  // Where WebGL is itself software (SwiftShader, llvmpipe, WARP: machines without a GPU,
  // remote desktops), Chromium reads every WebGL frame back and composites it again,
  // ~45 ms a frame; the app's own software renderer on a 2D canvas costs a fraction of
  // that (src/main/soft_renderer.h). ?render=soft or ?render=gl overrides the choice.
  function chooseRenderer() {
    var asked = new URLSearchParams(location.search).get("render");
    if (asked === "soft" || asked === "gl") return { kind: asked, why: "?render=" + asked };
    var name = "";
    try {
      var probe = document.createElement("canvas");
      // A browser that would draw WebGL in software refuses a context asked with this
      // flag, usually without creating one at all (no GPU-process memory spent on a probe).
      var gl = probe.getContext("webgl2", { failIfMajorPerformanceCaveat: true });
      if (!gl) {
        // Without WebGL2 the GL renderer cannot start at all; the software one can.
        return { kind: "soft", why: "WebGL2 is software or missing (failIfMajorPerformanceCaveat)" };
      }
      // Some browsers do not flag their software rasteriser: its name tells.
      var info = gl.getExtension("WEBGL_debug_renderer_info");
      name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) || "");
      var lose = gl.getExtension("WEBGL_lose_context");
      if (lose) lose.loseContext();  // the probe's context is not kept
    } catch (e) {
      return { kind: "gl", why: "the WebGL probe failed: " + e };
    }
    var software = /swiftshader|llvmpipe|softpipe|basic render|\bwarp\b|software/i.test(name);
    return { kind: software ? "soft" : "gl", why: "WebGL renderer: " + (name || "unknown") };
  }
  var renderer = chooseRenderer();
  state.renderer = renderer.kind;
  console.log("azplan: " + (renderer.kind === "soft" ? "software renderer on a 2D canvas" : "WebGL renderer") +
              " (" + renderer.why + ")");

  // The software renderer's picture: one putImageData of the rectangle that changed,
  // straight from a view on the wasm heap (no copy per pixel here).
  var ctx2d = null, shownW = 0, shownH = 0;
  function present(ptr, w, h, x, y, dw, dh) {
    if (!ctx2d) ctx2d = canvas.getContext("2d", { alpha: false });
    // The page resized the canvas during the frame: the next one draws all of it.
    if (!ctx2d || canvas.width !== w || canvas.height !== h) return;
    // Setting a canvas's size clears it; the renderer keeps the whole picture.
    if (w !== shownW || h !== shownH) { x = 0; y = 0; dw = w; dh = h; shownW = w; shownH = h; }
    if (dw <= 0 || dh <= 0) return;
    var pixels = new ImageData(new Uint8ClampedArray(Module.HEAPU8.buffer, ptr, w * h * 4), w, h);
    ctx2d.putImageData(pixels, 0, 0, x, y, dw, dh);
  }

  // After the app has taken something from the page, it owes frames to show it.
  function wake() { if (state.ready && Module._azplan_wake) Module._azplan_wake(); }

  // Size the canvas in device pixels so text is sharp at any pixel ratio. Setting the
  // size clears the canvas, so only a real change does it, and the app redraws.
  function resize() {
    var dpr = window.devicePixelRatio || 1;
    var w = Math.round(canvas.clientWidth * dpr), h = Math.round(canvas.clientHeight * dpr);
    if (canvas.width === w && canvas.height === h) return;
    canvas.width = w;
    canvas.height = h;
    shownW = shownH = 0;  // cleared: the next picture goes up whole
    wake();
  }
  window.addEventListener("resize", resize);
  canvas.addEventListener("contextmenu", function (e) { e.preventDefault(); });
  // The wheel event's unit (pixels, lines, pages) for the app's scroll handler, which
  // Emscripten's GLFW gives only the raw deltas (platform_web.cpp NormalizeWheel). The
  // window's capturing listener runs before the canvas's.
  window.addEventListener("wheel", function (e) { window.azplanGlue.wheelMode = e.deltaMode; }, { capture: true, passive: true });
  resize();

  // Calls fn with the name as a C string in the heap, freed afterwards.
  function withCName(name, fn) {
    var n = Module.lengthBytesUTF8(name) + 1;
    var namePtr = Module._malloc(n);
    Module.stringToUTF8(name, namePtr, n);
    fn(namePtr);
    Module._free(namePtr);
  }

  // Bytes go straight into the string the app takes (platform_web.cpp): one copy.
  function putIncoming(bytes) {
    var p = Module._azplan_incoming_buffer(bytes.length);  // may grow memory: HEAPU8 after it
    Module.HEAPU8.set(bytes, p);
  }

  function passFile(name, bytes, fromPicker) {
    putIncoming(bytes);
    withCName(name, function (namePtr) { Module._azplan_open_file(namePtr, fromPicker ? 1 : 0); });
    wake();
  }

  // Save where you opened: the File System Access API's handle of the file opened
  // through its picker. Any other way of opening (the <input> picker of browsers without
  // the API, a drop) forgets it, so Ctrl+S never writes into a file other than the one
  // on screen; C++ also names the file it means (App::Save).
  var opened = null;  // { handle, name }
  function pickWithHandle() {
    window.showOpenFilePicker({ types: [{ description: "azplan plan", accept: { "application/json": [".json"] } }] })
      .then(function (handles) {
        var handle = handles[0];
        return handle.getFile().then(function (file) { opened = { handle: handle, name: file.name }; readFile(file, true, true); });
      })
      // The user's cancel is an AbortError: nothing to do. Anything else (no permission, a
      // harness that intercepts the dialog, as Playwright's does) gets the plain picker.
      .catch(function (e) {
        if (e && e.name === "AbortError" && !/intercept/i.test(e.message || "")) return;
        picker.accept = ".json,application/json";
        picker.multiple = false;
        picker.click();
      });
  }
  function saveInPlace(id, name, bytes) {
    if (!opened || opened.name !== name || !opened.handle.createWritable) return false;
    var handle = opened.handle;
    var ask = handle.requestPermission ? handle.requestPermission({ mode: "readwrite" }) : Promise.resolve("granted");
    ask.then(function (state) {
      if (state !== "granted") throw new Error("not allowed");
      return handle.createWritable();
    }).then(function (w) {
      return w.write(new Blob([bytes], { type: "application/json" })).then(function () { return w.close(); });
    }).then(function () { Module._azplan_saved_in_place(id, 1); wake(); })
      .catch(function () { Module._azplan_saved_in_place(id, 0); wake(); });
    return true;
  }

  function readFile(file, fromPicker, keepHandle) {
    if (!keepHandle) opened = null;
    // A file over the loader's limit is refused unread; the app reports it like any
    // other refused file (the limit and the message come from the C++ side).
    if (file.size > Module._azplan_max_file_bytes()) {
      withCName(file.name, function (namePtr) { Module._azplan_open_too_large(namePtr, file.size, fromPicker ? 1 : 0); });
      wake();
      return;
    }
    file.arrayBuffer().then(function (buf) { passFile(file.name, new Uint8Array(buf), fromPicker); });
  }

  function fetchBytes(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.arrayBuffer();
    });
  }
  // ?plan=url: the plan is fetched while the module downloads and compiles, not after;
  // the app's request for it (platform FetchText) takes this one.
  var prefetched = {};
  var planParam = new URLSearchParams(location.search).get("plan");
  var PLAN_WAIT_MS = 3000;
  if (planParam) {
    prefetched[planParam] = fetchBytes(planParam);
    prefetched[planParam].catch(function () {});  // reported when the app asks for it
  }

  var picker = document.createElement("input");
  picker.type = "file";
  picker.accept = ".json,application/json";
  picker.style.display = "none";
  picker.addEventListener("change", function () {
    // Several files when asked for (agency returns); each is delivered on its own.
    // Returns leave the opened plan (and its file handle for Save) as it is.
    for (var i = 0; picker.files && i < picker.files.length; i++) readFile(picker.files[i], true, picker.multiple);
    picker.value = "";
  });
  document.body.appendChild(picker);

  // Ctrl/Cmd+S and +O are the app's Save and Open (App::HandleShortcuts), not the
  // browser's "save page" and "open file".
  window.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && /^[soSO]$/.test(e.key)) e.preventDefault();
  }, true);

  var drop = document.getElementById("drop");
  window.addEventListener("dragover", function (e) { e.preventDefault(); drop.style.display = "flex"; });
  window.addEventListener("dragleave", function () { drop.style.display = "none"; });
  window.addEventListener("drop", function (e) {
    e.preventDefault();
    drop.style.display = "none";
    if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0]) readFile(e.dataTransfer.files[0], false);
  });

  // Storage. The autosave of a large plan (10,000 measures: ~18 M characters) does not
  // fit in localStorage (~5 M characters per origin), so IndexedDB keeps the values.
  // The C++ side reads synchronously: every entry is loaded into `cache` before the
  // module's main() runs (a run dependency, below); writes update `cache` at once and
  // reach IndexedDB shortly after, coalesced. Where IndexedDB is unavailable (some
  // file:// pages) localStorage is used, and an in-memory map when that fails too.
  // Values an older version left in localStorage are still read (and so migrated).
  var memory = {};
  var storage = null;
  try { storage = window.localStorage; storage.setItem("azplan.probe", "1"); storage.removeItem("azplan.probe"); }
  catch (e) { storage = null; }

  var DB = "azplan", STORE = "kv";
  var db = null;
  var cache = new Map();
  // A value this long (the autosave of a large plan: 15 MB at 10k measures) goes to
  // IndexedDB as a Blob made straight from the module's bytes, and is not kept in `cache`;
  // the values loaded at start leave `cache` once the app has read them. The app reads
  // storage synchronously only while it starts (App::RestoreAutosaveOrBundled). A string
  // of the whole plan would be 15-30 MB of the page's heap that stays until a garbage
  // collection the idle page never triggers. `evicted` names them; reading one is an error.
  var EVICT_BYTES = 1 << 20;
  var evicted = new Set();
  var pendingWrites = new Map();  // key -> value, or null for a removal
  var writeTimer = 0;
  var flushWaiters = [];
  var writing = false;

  function openDb() {
    return new Promise(function (resolve) {
      var req;
      try { req = window.indexedDB && window.indexedDB.open(DB, 1); } catch (e) { req = null; }
      if (!req) { resolve(null); return; }
      var done = false;
      var finish = function (v) { if (!done) { done = true; resolve(v); } };
      setTimeout(function () { finish(null); }, 5000);  // a blocked open must not stall the app
      req.onupgradeneeded = function () { req.result.createObjectStore(STORE); };
      req.onsuccess = function () { finish(req.result); };
      req.onerror = function () { finish(null); };
      req.onblocked = function () { finish(null); };
    });
  }

  function loadAll(d) {
    return new Promise(function (resolve) {
      if (!d) { resolve(); return; }
      try {
        var reading = [];
        var cursor = d.transaction(STORE, "readonly").objectStore(STORE).openCursor();
        cursor.onsuccess = function () {
          var c = cursor.result;
          if (!c) { Promise.all(reading).then(function () { resolve(); }, function () { resolve(); }); return; }
          var key = String(c.key), value = c.value;
          // Long values are Blobs (storageSet): read before the app starts, as the UTF-8 bytes
          // the app takes (a 6 MB text re-encoded for it took 0.1-0.2 s of the start).
          if (value instanceof Blob) reading.push(value.arrayBuffer().then(function (b) { cache.set(key, new Uint8Array(b)); }));
          else cache.set(key, String(value));
          c.continue();
        };
        cursor.onerror = function () { resolve(); };
      } catch (e) { resolve(); }
    });
  }

  var storageReady = openDb().then(function (d) { db = d; return loadAll(d); }).catch(function () { db = null; });

  function settleFlush() {
    if (writing || pendingWrites.size || writeTimer) return;
    var w = flushWaiters; flushWaiters = [];
    w.forEach(function (f) { f(); });
  }

  function writeOut() {
    writeTimer = 0;
    if (!db || writing || !pendingWrites.size) { settleFlush(); return; }
    var batch = pendingWrites; pendingWrites = new Map();
    writing = true;
    var fallback = function () {
      // IndexedDB refused (quota, private mode): keep what localStorage can hold, and
      // tell the app when a value was kept nowhere, so the user hears of it.
      var keep = function (k, v) {
        try {
          if (!storage) throw new Error("no localStorage");
          if (v === null) storage.removeItem(k); else storage.setItem(k, v);
        } catch (e) {
          console.warn("azplan: could not keep " + k + ": " + e);
          if (v !== null && Module._azplan_storage_failed) { Module._azplan_storage_failed(); wake(); }
        }
      };
      batch.forEach(function (v, k) {
        if (v instanceof Blob) v.text().then(function (t) { keep(k, t); }, function (e) { keep(k, null); console.warn(e); });
        else keep(k, v);
      });
    };
    try {
      var tx = db.transaction(STORE, "readwrite");
      var os = tx.objectStore(STORE);
      batch.forEach(function (v, k) { if (v === null) os.delete(k); else os.put(v, k); });
      tx.oncomplete = function () { writing = false; if (pendingWrites.size) writeOut(); else settleFlush(); };
      // onerror is followed by onabort: act once.
      tx.onabort = function () { writing = false; fallback(); if (pendingWrites.size) writeOut(); else settleFlush(); };
    } catch (e) { writing = false; fallback(); settleFlush(); }
  }

  function queueWrite(key, value) {
    pendingWrites.set(key, value);
    if (!writeTimer && !writing) writeTimer = setTimeout(writeOut, 0);
  }

  // Page state the app sets from inside a frame (the URL fragment, the title), applied in a
  // task of its own after that frame, the latest value only: each costs the page's thread a
  // few milliseconds (history.replaceState 13-15 ms in headless Chromium, the first title
  // 4-5 ms) that the frame showing the change need not wait for.
  function afterFrame(apply) {
    var pending, timer = 0;
    return function (value) {
      pending = value;
      if (!timer) timer = setTimeout(function () { timer = 0; apply(pending); }, 0);
    };
  }
  window.azplanGlue = {
    renderer: renderer.kind,
    present: present,
    // A plan (no arguments) is picked through the File System Access API where there is
    // one, so Save can write back to it; returns (several files, other types) and other
    // browsers use the file input.
    requestOpen: function (accept, multiple) {
      if (!accept && !multiple && typeof window.showOpenFilePicker === "function") { pickWithHandle(); return; }
      picker.accept = accept || ".json,application/json";
      picker.multiple = !!multiple;
      picker.click();
    },
    saveInPlace: saveInPlace,
    download: function (name, mime, bytes) {
      var blob = new Blob([bytes], { type: mime });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    },
    fetchText: function (id, url) {
      var pending = prefetched[url] || fetchBytes(url);
      delete prefetched[url];
      pending.then(function (buf) {
        putIncoming(new Uint8Array(buf));
        buf = null;  // the page's copy can go before the parse
        Module._azplan_open_url_result(id, 1);
        wake();
      }).catch(function () { Module._azplan_open_url_result(id, 0); wake(); });
    },
    // The app's writes (platform_web.cpp): `len` bytes of UTF-8 at `ptr` in the module's heap.
    storageSetBytes: function (key, ptr, len) {
      if (db && len >= EVICT_BYTES) {
        cache.delete(key);
        evicted.add(key);
        queueWrite(key, new Blob([Module.HEAPU8.subarray(ptr, ptr + len)], { type: "application/json" }));
        if (storage) storage.removeItem(key);  // an older copy there must not come back
        return true;
      }
      return window.azplanGlue.storageSet(key, Module.UTF8ToString(ptr, len));
    },
    storageSet: function (key, value) {
      if (db) {
        evicted.delete(key);
        cache.set(key, value);
        queueWrite(key, value);
        if (storage) storage.removeItem(key);  // an older copy there must not come back
        return true;
      }
      try { if (storage) { storage.setItem(key, value); return true; } } catch (e) { /* quota: fall through */ }
      memory[key] = value;
      return !storage;
    },
    storageGet: function (key) {
      var v = window.azplanGlue.storageBytes(key);
      return v instanceof Uint8Array ? new TextDecoder().decode(v) : v;
    },
    // A value as the app reads it: the bytes of a long value loaded at start, else the text.
    storageBytes: function (key) {
      if (db && cache.has(key)) return cache.get(key);
      if (evicted.has(key)) return null;  // only in IndexedDB: storageRead
      if (storage) { var v = storage.getItem(key); if (v !== null) return v; }
      return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
    },
    storageRemove: function (key) {
      if (db) { cache.delete(key); evicted.delete(key); queueWrite(key, null); }
      if (storage) storage.removeItem(key);
      delete memory[key];
    },
    // A stored value as a promise of its text, wherever it is kept (tests and tools: the
    // long ones are only in IndexedDB).
    storageRead: function (key) {
      var v = window.azplanGlue.storageGet(key);
      if (v !== null || !db || !evicted.has(key)) return Promise.resolve(v);
      return window.azplanGlue.flush().then(function () {
        return new Promise(function (resolve) {
          var req = db.transaction(STORE, "readonly").objectStore(STORE).get(key);
          req.onsuccess = function () {
            var r = req.result;
            if (r instanceof Blob) r.text().then(resolve, function () { resolve(null); });
            else resolve(r === undefined ? null : String(r));
          };
          req.onerror = function () { resolve(null); };
        });
      });
    },
    // Where values go ("indexeddb", "localstorage" or "memory"), and a promise that
    // resolves once every write so far has reached IndexedDB (tests, and before unload).
    storageKind: function () { return db ? "indexeddb" : storage ? "localstorage" : "memory"; },
    flush: function () {
      return new Promise(function (resolve) { flushWaiters.push(resolve); settleFlush(); });
    },
    // Rasterises an SVG on a canvas and downloads it as PNG: the picture's own size,
    // doubled when that stays within what a canvas holds.
    svgToPng: function (name, svg) {
      var url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
      var img = new Image();
      img.onload = function () {
        var w = img.naturalWidth || 800, h = img.naturalHeight || 600;
        var scale = 2;
        while (scale > 0.1 && (w * scale > 16384 || h * scale > 16384 || w * h * scale * scale > 64e6)) scale /= 2;
        var c = document.createElement("canvas");
        c.width = Math.max(1, Math.round(w * scale));
        c.height = Math.max(1, Math.round(h * scale));
        var g = c.getContext("2d");
        g.fillStyle = "#ffffff";
        g.fillRect(0, 0, c.width, c.height);
        g.drawImage(img, 0, 0, c.width, c.height);
        URL.revokeObjectURL(url);
        c.toBlob(function (png) {
          if (png) window.azplanGlue.download(name, "image/png", png);
          else console.warn("azplan: the picture is too large for a PNG");
        }, "image/png");
      };
      img.onerror = function () { URL.revokeObjectURL(url); console.warn("azplan: the SVG did not render"); };
      img.src = url;
    },
    setClipboard: function (text) { if (navigator.clipboard) navigator.clipboard.writeText(text).catch(function () {}); },
    // The fragment arrives percent-encoded (ui/view_link.cpp).
    setFragment: afterFrame(function (g) {
      if (location.hash.replace(/^#/, "") !== g) history.replaceState(null, "", g ? "#" + g : location.pathname + location.search);
    }),
    // One report per frame built (platform.h FrameReport). A painted frame also notes when
    // its paint is over: a message posted from inside the animation frame runs after it,
    // which is when the user sees the picture (the benchmarks read frameLog).
    frame: function (ms, uiMs, painted, items, view) {
      state.frames++;
      state.frameTimes.push(ms);
      if (state.frameTimes.length > 600) state.frameTimes.shift();
      if (!painted) return;
      state.painted++;
      var entry = { t: performance.now(), ms: ms, uiMs: uiMs, items: items, view: view, shownAt: 0 };
      state.frameLog.push(entry);
      if (state.frameLog.length > 2000) state.frameLog.shift();
      paintChannel.port2.postMessage(0);
      paintPending.push(entry);
    },
    // Called from inside the first frame: the page's own work waits until that frame is
    // shown (removing the placeholder and focusing restyle the page, 5-10 ms).
    ready: function () {
      state.ready = true;
      setTimeout(function () {
        var l = document.getElementById("loading");
        if (l) l.remove();
        canvas.focus();
        // The app has read what it restores from: the long values loaded at start can go.
        cache.forEach(function (v, k) { if (v !== null && v.length >= EVICT_BYTES / 2) { cache.delete(k); evicted.add(k); } });
        registerServiceWorker();
      }, 0);
    },
    setTitle: afterFrame(function (t) { if (document.title !== t) document.title = t; }),
  };
  // The app's state for tests and tools, asked of C++ when called (nothing per frame).
  state.get = function () {
    if (!state.ready || !Module._azplan_state_json) return null;
    return JSON.parse(Module.UTF8ToString(Module._azplan_state_json()));
  };
  // True when the app has no frame due: it rests until input or timed work.
  state.resting = function () { return state.ready && !Module._azplan_frame_pending(); };
  // frameLog: the last painted frames, each with the view it drew (view) and the time its
  // paint was over (shownAt).
  var paintChannel = new MessageChannel(), paintPending = [];
  paintChannel.port1.onmessage = function () {
    var e = paintPending.shift();
    if (e) e.shownAt = performance.now();
  };

  // The split site: the module is fetched and compiled from the start, alongside azplan.js
  // and a ?plan= download, not after azplan.js has run (about a third of a second sooner on
  // a 10k plan). The single file carries its module inline and loads it Emscripten's way.
  var compiled = null;
  // The site's page names the module on this script (cmake/assemble_site.cmake); the single
  // file, which carries the module inside azplan.js, does not.
  var moduleUrl = document.currentScript && document.currentScript.getAttribute("data-module");
  if (moduleUrl && location.protocol.indexOf("http") === 0 && typeof WebAssembly === "object" &&
      WebAssembly.compileStreaming) {
    compiled = WebAssembly.compileStreaming(fetch(moduleUrl)).catch(function () {
      // A server that does not say application/wasm: compile the bytes instead.
      return fetch(moduleUrl).then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
    });
  }

  window.Module = {
    canvas: canvas,
    // main() reads the autosave synchronously: hold it until storage is loaded.
    // With ?plan=, main() also waits for the plan's bytes (for PLAN_WAIT_MS at most): Blink
    // reads a fetch's body on this thread, so main(), the font atlas and the empty first
    // frames would stall the download (a 10k plan's 5.8 MB took 550-650 ms instead of 170),
    // and they would be drawn only to be drawn again with the plan. A slow or failed
    // download lets main() run after the wait, and the app reports it as before.
    preRun: [function () {
      Module.addRunDependency("azplan-storage");
      storageReady.then(function () { Module.removeRunDependency("azplan-storage"); });
      if (planParam) {
        var held = true;
        var release = function () { if (held) { held = false; Module.removeRunDependency("azplan-plan"); } };
        Module.addRunDependency("azplan-plan");
        prefetched[planParam].then(release, release);
        setTimeout(release, PLAN_WAIT_MS);
      }
    }],
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    onAbort: function (what) { console.error("azplan aborted: " + what); },
  };
  if (compiled) {
    window.Module.instantiateWasm = function (imports, receive) {
      compiled.then(function (module) {
        return WebAssembly.instantiate(module, imports).then(function (instance) { receive(instance, module); });
      }).catch(function (e) { console.error("azplan: the module did not load: " + e); });
      return {};  // exports arrive through receive()
    };
  }

  // The service worker is registered once the app has drawn its first frame: its install
  // downloads the whole site again (2.5 MB), which on a first visit would compete with
  // the app's own start.
  function registerServiceWorker() {
    if ("serviceWorker" in navigator && location.protocol.indexOf("http") === 0)
      navigator.serviceWorker.register("sw.js").catch(function () {});
  }
})();
