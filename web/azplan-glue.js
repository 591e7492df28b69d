// The page's half of src/platform/web/platform_web.cpp: files, downloads, storage,
// canvas sizing and the state the tests read (window.azplan). No eval, no network
// beyond the page's own origin.
"use strict";
(function () {
  var canvas = document.getElementById("canvas");
  var state = { frames: 0, frameTimes: [], last: null, ready: false };
  window.azplan = state;

  // Size the canvas in device pixels so text is sharp at any pixel ratio.
  function resize() {
    var dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(canvas.clientWidth * dpr);
    canvas.height = Math.round(canvas.clientHeight * dpr);
  }
  window.addEventListener("resize", resize);
  resize();

  function passFile(name, bytes, fromPicker) {
    var n = Module.lengthBytesUTF8(name) + 1;
    var namePtr = Module._malloc(n);
    Module.stringToUTF8(name, namePtr, n);
    var dataPtr = Module._malloc(bytes.length || 1);
    Module.HEAPU8.set(bytes, dataPtr);
    Module._azplan_open_file(namePtr, dataPtr, bytes.length, fromPicker ? 1 : 0);
    Module._free(namePtr);
    Module._free(dataPtr);
  }

  function readFile(file, fromPicker) {
    file.arrayBuffer().then(function (buf) { passFile(file.name, new Uint8Array(buf), fromPicker); });
  }

  var picker = document.createElement("input");
  picker.type = "file";
  picker.accept = ".json,application/json";
  picker.style.display = "none";
  picker.addEventListener("change", function () {
    if (picker.files && picker.files[0]) readFile(picker.files[0], true);
    picker.value = "";
  });
  document.body.appendChild(picker);

  var drop = document.getElementById("drop");
  window.addEventListener("dragover", function (e) { e.preventDefault(); drop.style.display = "flex"; });
  window.addEventListener("dragleave", function () { drop.style.display = "none"; });
  window.addEventListener("drop", function (e) {
    e.preventDefault();
    drop.style.display = "none";
    if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0]) readFile(e.dataTransfer.files[0], false);
  });

  // localStorage holds the autosave; when it is unavailable (some file:// pages) an
  // in-memory map keeps the session working and the app still runs.
  var memory = {};
  var storage = null;
  try { storage = window.localStorage; storage.setItem("azplan.probe", "1"); storage.removeItem("azplan.probe"); }
  catch (e) { storage = null; }

  window.azplanGlue = {
    requestOpen: function () { picker.click(); },
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
      fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.arrayBuffer();
      }).then(function (buf) {
        var bytes = new Uint8Array(buf);
        var p = Module._malloc(bytes.length || 1);
        Module.HEAPU8.set(bytes, p);
        Module._azplan_open_url_result(id, 1, p, bytes.length);
        Module._free(p);
      }).catch(function () { Module._azplan_open_url_result(id, 0, 0, 0); });
    },
    storageSet: function (key, value) {
      try { if (storage) { storage.setItem(key, value); return true; } } catch (e) { /* quota: fall through */ }
      memory[key] = value;
      return !storage;
    },
    storageGet: function (key) {
      if (storage) { var v = storage.getItem(key); if (v !== null) return v; }
      return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
    },
    storageRemove: function (key) { if (storage) storage.removeItem(key); delete memory[key]; },
    setClipboard: function (text) { if (navigator.clipboard) navigator.clipboard.writeText(text).catch(function () {}); },
    setFragment: function (f) { history.replaceState(null, "", "#" + encodeURIComponent(f)); },
    frame: function (ms, json) {
      state.frames++;
      state.frameTimes.push(ms);
      if (state.frameTimes.length > 600) state.frameTimes.shift();
      state.last = json;
    },
    ready: function () {
      state.ready = true;
      var l = document.getElementById("loading");
      if (l) l.remove();
      canvas.focus();
    },
  };
  // Parsed state for tests and tools.
  state.get = function () { return state.last ? JSON.parse(state.last) : null; };

  window.Module = {
    canvas: canvas,
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    onAbort: function (what) { console.error("azplan aborted: " + what); },
  };

  if ("serviceWorker" in navigator && location.protocol.indexOf("http") === 0) {
    navigator.serviceWorker.register("sw.js").catch(function () {});
  }
})();
