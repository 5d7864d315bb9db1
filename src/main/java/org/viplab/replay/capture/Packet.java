package org.viplab.replay.capture;

/**
 * One captured frame: when it was seen (epoch microseconds), the link type it was captured on (a LINKTYPE_
 * number: 1 Ethernet, 113 Linux cooked SLL, 276 SLL2, 101 raw IP) and its bytes as captured.
 *
 * @param offset where the frame's record starts in the file, for error messages
 */
public record Packet(long epochUs, int linkType, byte[] data, long offset) { }
