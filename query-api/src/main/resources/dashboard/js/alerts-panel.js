// The alerts panel: the user's recent alerts, with those arriving on the live stream put on top.

import { fill, h } from "./dom.js";
import { followAlerts } from "./live-alerts.js";
import { alertItem } from "./views.js";

const ALERTS_SHOWN = 20;
const LIVE_STATES = {
  live: "Live", reconnecting: "Reconnecting…", unavailable: "Not live", unauthorized: "Signed out",
};

export class AlertsPanel {
  /** api: the user's routes (api.js); onExpired: called when the stream refuses the token. */
  constructor(api, onExpired) {
    this.api = api;
    this.onExpired = onExpired;
    this.alerts = [];
    this.live = null;
  }

  /** Reads the recent alerts; those that came live and are not among them yet stay on top. */
  async load() {
    let recent = [];
    try {
      recent = (await this.api.alerts(ALERTS_SHOWN)).alerts;
    } catch {
      // the list stays as it is; live alerts still come
    }
    const known = new Set(recent.map((a) => a.alertId));
    const liveOnly = this.alerts.filter((a) => a.fresh && !known.has(a.alertId));
    this.alerts = [...liveOnly, ...recent];
    fill("alerts", this.alerts.length ? this.alerts.map((a) => alertItem(a, a.fresh))
      : h("li", { class: "empty" }, "No alerts."));
  }

  /** Follows the live stream until stop(). */
  follow(token) {
    this.stop();
    this.live = followAlerts(`${this.api.base}/alerts/live`, token, {
      onAlert: (alert) => this.add(alert),
      onState: (live) => {
        const indicator = document.getElementById("live-state");
        // back after a drop: what came meanwhile is in the recent list
        if (live === "live" && indicator.dataset.state === "reconnecting") this.load();
        indicator.textContent = LIVE_STATES[live];
        indicator.dataset.state = live;
        if (live === "unauthorized") this.onExpired();
      },
    });
  }

  stop() {
    this.live?.stop();
    this.live = null;
  }

  add(alert) {
    if (this.alerts.some((a) => a.alertId === alert.alertId)) return;
    const list = document.getElementById("alerts");
    if (this.alerts.length === 0) list.replaceChildren();
    this.alerts.unshift({ ...alert, fresh: true });
    list.prepend(alertItem(alert, true));
  }
}
