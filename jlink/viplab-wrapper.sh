#!/bin/sh
# /usr/bin/viplab of the .deb: the packaged app (/opt/viplab/bin/viplab, whose JVM options are in its
# lib/app/viplab.cfg) with GTK kept off OpenGL where there is no GPU device, as ./viplab of the source tree does
# and says why: GTK's OpenGL probe at start-up maps Mesa's software OpenGL and LLVM, 50 MB resident, and JavaFX
# never draws through it (AppLauncher.hasGpuDevice, the same test, starts JavaFX's software pipeline).
if ! ls /dev/dri/renderD* /dev/nvidia0 >/dev/null 2>&1; then
  GDK_GL="${GDK_GL:-disable}"
  export GDK_GL
fi
exec /opt/viplab/bin/viplab "$@"
