// Cairo through pkg-config `cairo`.
// Imported by exactly one Swift file: Sources/CairoRenderer/CairoRenderer.swift.
#include <cairo.h>
