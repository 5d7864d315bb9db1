package org.viplab.lab;

/** A verb applied to a target, e.g. stop db1/mysqld. The same for the simulator and real hosts. */
public record Action(Verb verb, Target target) {
    public Action {
        boolean link = !(target instanceof Target.Process);
        if (verb.forLinks() != link) {
            throw new IllegalArgumentException("cannot " + verb.id() + " " + target.id()
                    + (link ? ": links take cut or heal" : ": processes take start, stop, kill, hang, resume or restart"));
        }
    }

    @Override
    public String toString() { return verb.id() + " " + target.id(); }
}
