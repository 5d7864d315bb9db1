package org.viplab.core.timeline;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Rebuilds an event record with another {@code timeUs}, whatever its other components are: found from the
 * record's components at run time, so the compact timeline keeps working when an event gains or changes
 * fields. Every {@link LabEvent} is a record with a {@code timeUs} component.
 */
public final class Retimer {
    private record Shape(MethodHandle[] accessors, int timeIndex, MethodHandle constructor) { }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            if (rc == null) throw new IllegalArgumentException(type + " is not a record");
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                MethodHandle[] acc = new MethodHandle[rc.length];
                Class<?>[] types = new Class<?>[rc.length];
                int time = -1;
                for (int i = 0; i < rc.length; i++) {
                    acc[i] = lookup.unreflect(rc[i].getAccessor()).asType(MethodType.methodType(Object.class, Object.class));
                    types[i] = rc[i].getType();
                    if (rc[i].getName().equals("timeUs") && rc[i].getType() == long.class) time = i;
                }
                if (time < 0) throw new IllegalArgumentException(type + " has no long timeUs component");
                MethodHandle ctor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                        .asSpreader(Object[].class, rc.length).asType(MethodType.methodType(Object.class, Object[].class));
                return new Shape(acc, time, ctor);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot rebuild " + type, e);
            }
        }
    };

    private Retimer() { }

    /**
     * The periodic kinds, which make up nearly every event a timeline stores and reads back, rebuilt by their
     * constructors: the method-handle path boxes every component, and a sweep of 10,000 drills spent a third of
     * its time there. The compiler checks these against the records; any other kind takes the general path.
     */
    private static LabEvent periodic(LabEvent e, long t) {
        if (e instanceof LabEvent.ClientProbe p) return new LabEvent.ClientProbe(t, p.ok(), p.latencyUs(), p.backend(), p.failure());
        if (e instanceof LabEvent.AdvertSent a) return new LabEvent.AdvertSent(t, a.host(), a.vrid(), a.priority(), a.version(), a.intervalUs());
        if (e instanceof LabEvent.ScriptResult r) return new LabEvent.ScriptResult(t, r.host(), r.script(), r.exitStatus(), r.failed(), r.detail());
        if (e instanceof LabEvent.ServerCheck c) return new LabEvent.ServerCheck(t, c.host(), c.server(), c.status(), c.checkStatus(), c.up());
        return null;
    }

    /** {@code e} with its time replaced by {@code timeUs}; {@code e} itself when the time is already that. */
    public static LabEvent withTime(LabEvent e, long timeUs) {
        if (e.timeUs() == timeUs) return e;
        LabEvent fast = periodic(e, timeUs);
        if (fast != null) return fast;
        Shape s = SHAPES.get(e.getClass());
        Object[] args = new Object[s.accessors.length];
        try {
            for (int i = 0; i < args.length; i++) args[i] = s.accessors[i].invokeExact((Object) e);
            args[s.timeIndex] = timeUs;
            return (LabEvent) (Object) s.constructor.invokeExact(args);
        } catch (RuntimeException | Error ex) {
            throw ex;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot rebuild " + e + " at " + timeUs + " " + Arrays.toString(args), t);
        }
    }
}
