/* OpenBLAS sgemm throughput on this machine, for `make bench`: the peak that initscope's
 * achieved GFLOP/s is compared against (one process, THREADS threads, 1024³), and the training
 * loop's own shapes. Prints "kernel <name>", then one line per shape:
 * "<label> <m> <n> <k> <GFLOP/s>" (best of five timed rounds of about 2 GFLOP each).
 *   cc -O2 -I/usr/include/x86_64-linux-gnu/openblas-pthread sgemm_peak.c -lopenblas -o sgemm_peak
 *   ./sgemm_peak 2 */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

void openblas_set_num_threads(int);
char *openblas_get_corename(void);

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* C(m×n) = op(A)·B with A stored m×k (or k×m when transA), B k×n, row-major as initscope. */
static double gflops(int m, int n, int k, int transA) {
    float *a = malloc(sizeof(float) * m * k), *b = malloc(sizeof(float) * k * n),
          *c = malloc(sizeof(float) * m * n);
    for (long i = 0; i < (long)m * k; i++) a[i] = (float)((i * 7919) % 1000) / 1000.0f - 0.5f;
    for (long i = 0; i < (long)k * n; i++) b[i] = (float)((i * 104729) % 1000) / 1000.0f - 0.5f;
    double flop = 2.0 * m * n * k, best = 0;
    int reps = (int)(2e9 / flop) + 1; /* about 2 GFLOP per round */
    for (int round = 0; round < 5; round++) {
        double t0 = now();
        for (int r = 0; r < reps; r++)
            cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, CblasNoTrans, m, n, k,
                        1.0f, a, transA ? m : k, b, n, 0.0f, c, n);
        double rate = flop * reps / (now() - t0) / 1e9;
        if (rate > best) best = rate;
    }
    free(a); free(b); free(c);
    return best;
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 1;
    openblas_set_num_threads(threads > 0 ? threads : 1);
    printf("kernel %s threads %d\n", openblas_get_corename(), threads > 0 ? threads : 1);
    printf("square-1024 1024 1024 1024 %.1f\n", gflops(1024, 1024, 1024, 0));
    printf("forward-1 128 256 784 %.1f\n", gflops(128, 256, 784, 0));
    printf("forward-2 128 128 256 %.1f\n", gflops(128, 128, 256, 0));
    printf("weight-grad-1 784 256 128 %.1f\n", gflops(784, 256, 128, 1));
    return 0;
}
