// harness.js loads /scene.czml with Cesium.CzmlDataSource.load, into a
// Viewer when WebGL is available, and POSTs what it found to /result as
// JSON (see report below). No Cesium ion, no imagery, no terrain: the
// globe is a solid colour, so the page needs nothing but the loopback server.
"use strict";

(async function () {
  const report = {
    loaded: false,     // CzmlDataSource.load resolved
    error: "",         // why not, or a later failure
    viewer: false,     // a Viewer (WebGL) was created and rendered frames
    viewerError: "",   // why not
    renderError: "",   // a rendering error raised by the scene
    clock: null,       // the data source's clock, ISO 8601
    entities: [],      // one per entity, see describe
  };
  let sent = false;
  const send = async () => {
    if (sent) return;
    sent = true;
    await fetch("/result", { method: "POST", body: JSON.stringify(report) });
  };
  window.addEventListener("error", (e) => {
    report.error = report.error || "uncaught: " + e.message;
  });

  const iso = (t) => (t ? Cesium.JulianDate.toIso8601(t) : "");
  // describe is what the test checks of one entity.
  const describe = (e) => {
    const d = {
      id: e.id,
      name: e.name || "",
      point: !!e.point,
      label: !!e.label,
      path: !!e.path,
      polygon: !!e.polygon,
      availability: "",
      positionDefined: false, // position has a value within availability
    };
    let when = Cesium.JulianDate.now();
    if (e.availability && e.availability.length > 0) {
      const iv = e.availability.get(0);
      d.availability = iso(iv.start) + "/" + iso(iv.stop);
      when = Cesium.JulianDate.addSeconds(iv.start,
        Cesium.JulianDate.secondsDifference(iv.stop, iv.start) / 2, new Cesium.JulianDate());
    }
    if (e.position) {
      d.positionDefined = e.position.getValue(when) !== undefined;
    }
    if (e.polygon) {
      const h = e.polygon.hierarchy.getValue(when);
      d.polygonPositions = h ? h.positions.length : 0;
    }
    return d;
  };

  try {
    Cesium.Ion.defaultAccessToken = "";
    let viewer = null;
    try {
      viewer = new Cesium.Viewer("globe", {
        baseLayer: false,
        baseLayerPicker: false,
        geocoder: false,
        homeButton: false,
        sceneModePicker: false,
        navigationHelpButton: false,
        fullscreenButton: false,
        infoBox: false,
        selectionIndicator: false,
        skyBox: false,
        skyAtmosphere: false,
        useDefaultRenderLoop: false,
      });
      viewer.scene.globe.baseColor = Cesium.Color.DARKSLATEGRAY;
      viewer.scene.renderError.addEventListener((_, err) => {
        report.renderError = String(err);
      });
    } catch (err) {
      report.viewerError = String(err);
    }

    const ds = await Cesium.CzmlDataSource.load("/scene.czml");
    report.loaded = true;
    report.clock = { start: iso(ds.clock.startTime), stop: iso(ds.clock.stopTime) };
    report.entities = ds.entities.values.map(describe);

    if (viewer) {
      await viewer.dataSources.add(ds);
      viewer.clock.currentTime = Cesium.JulianDate.addSeconds(
        ds.clock.startTime, Cesium.JulianDate.secondsDifference(ds.clock.stopTime, ds.clock.startTime) / 2,
        new Cesium.JulianDate());
      for (let i = 0; i < 5; i++) {
        viewer.render();
        await new Promise((r) => setTimeout(r, 50));
      }
      report.viewer = true;
    }
  } catch (err) {
    report.error = String((err && err.stack) || err);
  }
  await send();
})();
