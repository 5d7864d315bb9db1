package org.viplab.engine.sim;

import org.viplab.core.model.ForeignRouterSpec;
import org.viplab.core.timeline.Causes;

import java.util.List;

/**
 * Another cluster's VRRP router on the segment (a VRID clash): nothing but its multicast adverts, every advertInt
 * from fromSec on, heard by each node whose link is up. Each node's keepalived handles them as it handles a
 * peer's (see {@link Advert#checkAgainst}): logged and dropped when its auth or VIP set differ from the instance's
 * with that VRID, else part of that VRID's election, where a higher priority makes our master step down.
 */
final class ForeignRouter {
    private final SimulatedLab lab;
    private final ForeignRouterSpec spec;
    private final Advert advert;

    ForeignRouter(SimulatedLab lab, ForeignRouterSpec spec) {
        this.lab = lab;
        this.spec = spec;
        long intervalUs = Math.round(spec.advertInt * 1_000_000);
        // its address stands for the host: it is no node of ours, so only the logs and reasons name it
        this.advert = new Advert(spec.ip, spec.ip, spec.vrid, spec.priority, 2, intervalUs, spec.authPass,
                List.copyOf(spec.vips));
    }

    /** Its first advert at fromSec (or now, when it is already there), then one every advertInt. */
    void start() {
        long first = spec.fromSec <= 0 ? lab.now() : Math.round(spec.fromSec * 1_000_000);
        lab.scheduler().at(Math.max(first, lab.now()), Causes.NONE, this::send);
    }

    private void send() {
        lab.foreignAdvert(advert);
        lab.scheduler().after(advert.intervalUs(), Causes.NONE, this::send);
    }
}
