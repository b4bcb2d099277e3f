// libFuzzer's C entry to its driver (compiler-rt, FuzzerInterface.h). No link directive: the
// runtime comes with -sanitize=fuzzer, which `make fuzz` passes.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
