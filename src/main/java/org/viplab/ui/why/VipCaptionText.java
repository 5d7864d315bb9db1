package org.viplab.ui.why;

import org.viplab.core.model.VrrpState;
import org.viplab.core.text.EventFormatter;
import org.viplab.core.timeline.CauseChain;
import org.viplab.core.timeline.LabEvent;
import org.viplab.core.timeline.Reason;
import org.viplab.core.timeline.Timeline;
import org.viplab.ui.common.I18n;

import java.util.List;

/**
 * The one line the drawing shows at a VIP move, read off the move's chain of causes ({@link CauseChain#why}):
 * "db2 took the VIP: db1 sent priority 0 (after stop db1/mysqld)", "db2 took the VIP: no advert from db1 within
 * the master-down interval", "db2 took the VIP too: ... (split brain)". Plain Java over the timeline.
 */
public final class VipCaptionText {
    private VipCaptionText() { }

    /**
     * @param moveId  the id of the {@code VipChanged} (added) event in {@code timeline}, or -1 when unknown
     * @param from    the host that held the VIP before, or null for its first holder
     * @param stillHeldBy whether {@code from} still held the VIP when it arrived (split brain)
     */
    public static String caption(Timeline timeline, long moveId, String host, String from, boolean stillHeldBy, I18n i18n) {
        if (from == null) return i18n.get("caption.first", host);
        List<CauseChain.Link> chain = moveId < 0 || timeline == null ? List.of() : CauseChain.why(timeline, moveId);
        EventFormatter text = EventFormatter.of(i18n.locale());
        LabEvent.AdvertSent zero = null;
        for (CauseChain.Link l : chain) {
            if (l.event() instanceof LabEvent.AdvertSent a && a.priority() == 0 && !a.host().equals(host)) zero = a;
        }
        LabEvent root = chain.isEmpty() ? null : chain.get(0).event();
        if (zero != null) {
            return root instanceof LabEvent.ActionApplied act
                    ? i18n.get("caption.zero.after", host, zero.host(), text.details(act))
                    : i18n.get("caption.zero", host, zero.host());
        }
        if (stillHeldBy) {
            return root instanceof LabEvent.ActionApplied act
                    ? i18n.get("caption.split.after", host, from, text.details(act))
                    : i18n.get("caption.split", host, from);
        }
        for (CauseChain.Link l : chain) {
            if (l.event() instanceof LabEvent.VrrpStateChanged v && v.host().equals(host) && v.to() == VrrpState.MASTER
                    && v.reason() != null && v.reason().code() == Reason.Code.ADVERT_TIMEOUT) {
                return root instanceof LabEvent.ActionApplied act
                        ? i18n.get("caption.timeout.after", host, from, text.details(act))
                        : i18n.get("caption.timeout", host, from);
            }
        }
        if (root != null && chain.size() > 1) return i18n.get("caption.other", host, text.details(root));
        return i18n.get("caption.timeout", host, from);
    }
}
