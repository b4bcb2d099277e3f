#!/usr/bin/env bash
# make test-slurm: a one-node Slurm cluster on localhost runs a small sweep as a job array of
# shards (`initscope run CONFIG --shard K/N`), then `initscope merge` builds the result and it
# is compared with a single-process run of the same config (equal apart from timings).
# Needs root on Debian (installs slurm-wlm and munge once); leaves nothing running.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${BIN:-$ROOT/.build/release/initscope}"
WORK="$(mktemp -d /tmp/initscope-slurm.XXXXXX)"
chmod 755 "$WORK"  # munged runs as the munge user and must reach its socket folder
SHARDS="${SHARDS:-3}"
PIDS=()
cleanup() {
  [ -f "$WORK/munge/munged.pid" ] && kill "$(cat "$WORK/munge/munged.pid")" 2>/dev/null || true
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

command -v slurmctld >/dev/null && command -v munged >/dev/null || {
  echo "test-slurm: installing slurm-wlm and munge"
  DEBIAN_FRONTEND=noninteractive apt-get install -y slurm-wlm munge >/dev/null
}
[ -x "$BIN" ] || { echo "test-slurm: no initscope binary at $BIN; build first (make build, or set BIN=)"; exit 2; }

# munge: the authentication daemon every Slurm message goes through.
mkdir -p /run/munge "$WORK/munge"
chown munge:munge /run/munge "$WORK/munge"
[ -s /etc/munge/munge.key ] || { /usr/sbin/mungekey --create >/dev/null 2>&1 || true; chown munge:munge /etc/munge/munge.key; }
runuser -u munge -- /usr/sbin/munged --foreground --force --socket="$WORK/munge/munge.socket" \
  --pid-file="$WORK/munge/munged.pid" --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/seed" &
PIDS+=($!)

# slurm.conf for this host only: one node with its cores, one partition.
HOST="$(hostname -s)"
CPUS="$(nproc)"
MEM="$(awk '/MemTotal/ {print int($2/1024*0.9)}' /proc/meminfo)"
mkdir -p "$WORK/state" "$WORK/spool" "$WORK/logs"
cat > "$WORK/slurm.conf" <<CONF
ClusterName=initscope-test
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$WORK/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/logs/slurmctld.log
SlurmdLogFile=$WORK/logs/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
JobCompType=jobcomp/none
NodeName=$HOST CPUs=$CPUS RealMemory=$MEM State=UNKNOWN
PartitionName=test Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$WORK/slurm.conf"
/usr/sbin/slurmctld -D -i -f "$SLURM_CONF" > "$WORK/logs/slurmctld.out" 2>&1 &
PIDS+=($!)
/usr/sbin/slurmd -D -f "$SLURM_CONF" > "$WORK/logs/slurmd.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 20); do
  sinfo -h -o '%T' 2>/dev/null | grep -qE 'idle|mix' && break
  sleep 1
done
sinfo -h -o '%T' | grep -qE 'idle|mix' || { echo "test-slurm: the node did not come up"; for f in "$WORK"/logs/* "$WORK"/munge/munged.log; do tail -n 20 "$f"; done; exit 1; }
echo "test-slurm: cluster up on $HOST ($CPUS CPUs): $(sinfo -h -o '%P %D %T')"

# The sweep: 3 initializers × 2 networks × 2 seeds on the fixture subset.
cat > "$WORK/sweep.yaml" <<YAML
description: "test-slurm sweep"
data:
  source: idx
  folder: $ROOT/Fixtures/fashion-mnist-subset
network:
  hidden_sizes: [32]
training:
  epochs: 1
  batch_size: 64
seeds: [0, 1]
initializers: [he_normal, xavier_uniform, "uniform(-1,1)"]
variants:
  - name: one
  - name: two
    hidden_sizes: [32, 32]
probes:
  every: 5
YAML
"$BIN" plan "$WORK/sweep.yaml" --shards "$SHARDS"

cat > "$WORK/shard.sbatch" <<BATCH
#!/bin/bash
#SBATCH --job-name=initscope-shard
#SBATCH --array=0-$((SHARDS-1))
#SBATCH --cpus-per-task=1
#SBATCH --output=$WORK/logs/shard-%a.out
set -euo pipefail
"$BIN" run "$WORK/sweep.yaml" --jobs 1 --shard \$((SLURM_ARRAY_TASK_ID+1))/\$SLURM_ARRAY_TASK_COUNT --output "$WORK/runs"
BATCH
START=$(date +%s)
timeout 600 sbatch --wait "$WORK/shard.sbatch"
echo "test-slurm: job array of $SHARDS done in $(( $(date +%s) - START )) s"
for k in $(seq 1 "$SHARDS"); do tail -1 "$WORK/logs/shard-$((k-1)).out"; done

"$BIN" merge "$WORK"/runs/shard-*.json --output "$WORK/merged" | head -3
"$BIN" run "$WORK/sweep.yaml" --output "$WORK/single" > /dev/null
python3 - "$WORK/merged/metrics.json" "$WORK/single/metrics.json" <<'PY'
import json, sys
def load(path):
    r = json.load(open(path))
    for key in ("createdAt", "wallSeconds", "sumOfRunSeconds", "command"):
        r[key] = None
    r["machine"]["jobs"] = None
    for run in r["runs"]:
        run["seconds"] = None
        h = run["history"]; h["trainSeconds"] = None; h["evaluationSeconds"] = None
        for e in h["epochs"]: e["trainSeconds"] = None
    return r
merged, single = load(sys.argv[1]), load(sys.argv[2])
if merged != single:
    print("test-slurm: FAILED: the merged metrics differ from the single run"); sys.exit(1)
print(f"test-slurm: merged {len(merged['runs'])} runs equal the single-process run apart from timings")
PY
