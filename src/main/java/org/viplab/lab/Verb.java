package org.viplab.lab;

/** What can be done to a process or a link. */
public enum Verb {
    START, STOP, KILL, HANG, RESUME, RESTART, CUT, HEAL;

    public String id() { return name().toLowerCase(); }

    public boolean forLinks() { return this == CUT || this == HEAL; }

    public static Verb fromId(String id) {
        for (Verb v : values()) if (v.id().equals(id)) return v;
        return null;
    }
}
