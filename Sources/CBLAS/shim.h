// OpenBLAS (pthread flavour) through pkg-config `openblas`; cblas.h also declares
// openblas_set_num_threads, openblas_get_num_threads and openblas_get_corename.
// Imported by exactly one Swift file: Sources/Tensor/Matrix+BLAS.swift.
#include <stddef.h>
#include <cblas.h>

// ---------------------------------------------------------------------------------------
// LAPACK. Debian's libopenblas exports the Fortran 77 routines (`nm -D libopenblas.so`
// lists sgesdd_, sgeqrf_, sorgqr_) but ships no lapacke.h, so the few we call are declared
// here by hand, following the gfortran calling convention:
//  - the symbol is the lower-case name with a trailing underscore;
//  - every argument is passed by pointer, matrices are column-major with a leading dimension;
//  - INTEGER is `blasint` (int32 in this non-ILP64 build; openblas_config.h defines it);
//  - every CHARACTER argument adds a hidden length argument *after* all the others, of type
//    size_t since gfortran 8 (libopenblas links libgfortran.so.5, i.e. gfortran ≥ 8).
// Omitting the hidden length "works in practice" for one-character flags, since LAPACK only
// reads the first character (LSAME), but it is undefined behaviour: gfortran ≥ 9 may turn
// a call inside the routine into a sibling call that reuses the caller's stack slot for that
// length, and the caller's frame is then corrupted (the 2019 R / LAPACK breakage that made
// LAPACKE pass the lengths: LAPACK_FORTRAN_STRLEN_END). So the prototypes declare it and
// Swift always passes 1; on x86-64 an extra trailing argument is harmless to a callee that
// ignores it, so this is safe whichever way the routine was compiled.
// All routines report through `info`: 0 = success, -i = argument i was illegal (OpenBLAS's
// xerbla prints a message and returns), > 0 = a routine-specific failure.
// ---------------------------------------------------------------------------------------

/// Singular values (and optionally vectors) by divide and conquer. jobz = 'N': values only;
/// then u and vt are not referenced. lwork = -1 is a workspace query (optimal size in work[0]).
/// iwork needs 8·min(m, n) entries. info > 0: the bidiagonal SVD did not converge.
void sgesdd_(const char *jobz, const blasint *m, const blasint *n, float *a, const blasint *lda,
             float *s, float *u, const blasint *ldu, float *vt, const blasint *ldvt,
             float *work, const blasint *lwork, blasint *iwork, blasint *info,
             size_t jobz_length);

/// QR factorization A = Q·R: R in the upper triangle of a, Q as min(m, n) Householder
/// reflectors below the diagonal with their scalars in tau. lwork = -1 is a workspace query.
void sgeqrf_(const blasint *m, const blasint *n, float *a, const blasint *lda, float *tau,
             float *work, const blasint *lwork, blasint *info);

/// Forms the first n columns of Q (m ≥ n ≥ k) from k reflectors left by sgeqrf_, in place.
/// lwork = -1 is a workspace query.
void sorgqr_(const blasint *m, const blasint *n, const blasint *k, float *a, const blasint *lda,
             const float *tau, float *work, const blasint *lwork, blasint *info);
