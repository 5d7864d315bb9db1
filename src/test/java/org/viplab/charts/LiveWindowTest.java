package org.viplab.charts;

import org.junit.jupiter.api.Test;
import org.viplab.lab.TimeControls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveWindowTest {
    @Test
    void theWindowGrowsWithTheSpeedWithinItsBounds() {
        assertEquals(60, LiveWindow.seconds(1), "1x: a minute, as before");
        assertEquals(60, LiveWindow.seconds(2), "2x: 30 wall seconds are 60 lab seconds");
        assertEquals(150, LiveWindow.seconds(5));
        assertEquals(300, LiveWindow.seconds(10));
        assertEquals(3000, LiveWindow.seconds(100));
        assertEquals(3600, LiveWindow.seconds(1000), "bounded at an hour");
        assertEquals(60, LiveWindow.seconds(0), "a stopped clock still shows a minute");
    }

    @Test
    void aFailoverStaysInViewForHalfAMinuteOfWallTimeAtEverySpeedOffered() {
        for (int speed : TimeControls.SPEEDS) {
            double wall = LiveWindow.wallSecondsInView(speed);
            assertTrue(wall >= 30, speed + "x: " + wall + " wall seconds");
        }
    }
}
