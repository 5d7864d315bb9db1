package org.viplab.replay;

/**
 * Something the incident's evidence proves, in plain words.
 *
 * @param kind  what kind ({@code split-brain}, {@code black-hole}, {@code check-script-stop}, {@code mariadbd}), for JSON and tests
 * @param atUs  when it began, lab time
 */
public record Finding(String kind, String host, long atUs, ReplayText text) { }
