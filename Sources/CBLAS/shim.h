// OpenBLAS (pthread flavour) through pkg-config `openblas`; cblas.h also declares
// openblas_set_num_threads, openblas_get_num_threads and openblas_get_corename.
// Imported by exactly one Swift file: Sources/Tensor/Matrix+BLAS.swift.
#include <cblas.h>
