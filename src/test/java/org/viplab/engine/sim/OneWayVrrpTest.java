package org.viplab.engine.sim;

import org.junit.jupiter.api.Test;
import org.viplab.core.model.Presets;
import org.viplab.core.model.VrrpState;
import org.viplab.core.timeline.LabEvent;
import org.viplab.lab.Action;
import org.viplab.lab.Target;
import org.viplab.lab.Verb;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viplab.engine.sim.Scenario.s;

/**
 * VRRP dropped one way ({@code db1>db2/vrrp}: db1's adverts lost where they arrive on db2). Only the direction
 * towards the backup matters: db2 stops hearing the master, takes over one Master_Down_Interval after the last
 * advert it heard, and db1, which still hears db2's lower-priority adverts, answers each with its own (lost on the
 * way) and stays MASTER: a split brain for as long as the block stands.
 */
class OneWayVrrpTest {
    private static final List<String> HOSTS = List.of("db1", "db2");

    @Test
    void theMastersAdvertsLostOnTheWayToTheBackupGiveASplitBrainThatLasts() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(5)).act("cut", "db1>db2/vrrp").at(s(25));
        LabEvent.AdvertSent lastHeard = sc.last(LabEvent.AdvertSent.class, s(5), a -> a.host().equals("db1"));
        long db2Master = sc.vipAdded("db2", s(5));
        assertEquals(lastHeard.timeUs() + 3_648_437, db2Master, "a full Master_Down_Interval after the last advert db2 heard");
        assertEquals(VrrpState.MASTER, sc.lab.vrrpState("db1"), "db1 hears db2's priority 90 and stays MASTER");
        assertTrue(sc.lab.hasVip("db1") && sc.lab.hasVip("db2"));
        // db1 answers every advert of db2's at once: more than one advert a second from db1 while it lasts
        long db1Adverts = sc.events().stream().filter(e -> e instanceof LabEvent.AdvertSent a && a.host().equals("db1")
                && a.timeUs() > db2Master + 500_000 && a.timeUs() <= s(25)).count();
        assertTrue(db1Adverts > 19, db1Adverts + " adverts from db1 in about 19 s: its own and its answers");
        assertEquals(s(25) - db2Master, sc.analysis(s(25)).splitBrainUs());

        sc.act("heal", "db1>db2/vrrp").at(s(30));
        LabEvent.AdvertSent firstAfter = sc.first(LabEvent.AdvertSent.class, s(25), a -> a.host().equals("db1"));
        assertEquals(firstAfter.timeUs(), sc.vipRemoved("db2", s(25)), "the first advert of db1's to reach db2 ends it");
        assertEquals(VrrpState.BACKUP, sc.lab.vrrpState("db2"));
    }

    @Test
    void theBackupsAdvertsLostOnTheWayToTheMasterChangeNothing() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(5)).act("cut", "db2>db1/vrrp").at(s(25));
        assertEquals(VrrpState.MASTER, sc.lab.vrrpState("db1"));
        assertEquals(VrrpState.BACKUP, sc.lab.vrrpState("db2"), "db2 still hears db1");
        assertFalse(sc.lab.hasVip("db2"));
        assertEquals(0, sc.analysis(s(25)).splitBrainUs());
    }

    @Test
    void aHealOfBothWaysAlsoEndsAOneWayBlockAndTheRestoreHealsWhatIsLeft() {
        Scenario sc = new Scenario(Presets.mode1()).at(s(5)).act("cut", "db1>db2/vrrp").at(s(12));
        assertEquals(List.of(new Action(Verb.HEAL, new Target.OneWayVrrp("db1", "db2"))), sc.lab.restoreActions(),
                "the restore names the one-way block");
        sc.act("heal", "db1-db2/vrrp").at(s(20));
        assertEquals(VrrpState.BACKUP, sc.lab.vrrpState("db2"));
        assertTrue(sc.lab.restoreActions().isEmpty());
        // half of a block both ways healed: the other half stays
        sc.act("cut", "db1-db2/vrrp").at(s(22)).act("heal", "db2>db1/vrrp").at(s(23));
        assertEquals(List.of(new Action(Verb.HEAL, new Target.OneWayVrrp("db1", "db2"))), sc.lab.restoreActions());
    }

    @Test
    void theTargetReadsOneWayAndRefusesWhatItCannotBe() {
        assertEquals(new Target.OneWayVrrp("db1", "db2"), Target.parse("db1>db2/vrrp", HOSTS));
        assertEquals("db2>db1/vrrp", Target.parse("db2>db1/vrrp", HOSTS).id());
        for (String bad : List.of("db1>db1/vrrp", "db1>db2", "db1>db3/vrrp", "db1>db2/link")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Target.parse(bad, HOSTS), bad);
            assertTrue(e.getMessage().contains("db1>db2/vrrp"), "the accepted forms are named: " + e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Action(Verb.LOSS, new Target.OneWayVrrp("db1", "db2"), Action.Amount.loss(3000)));
        assertTrue(e.getMessage().contains("both directions"), e.getMessage());
    }
}
