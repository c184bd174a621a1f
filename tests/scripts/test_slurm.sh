#!/usr/bin/env bash
# The Slurm path for real: a single-node Slurm cluster on this machine
# (munged, slurmctld and slurmd with a private configuration and free
# ports), scripts/slurm-submit.sh over the WARC samples (tests/fixtures/warc,
# and those only in ../shared when it is there) and the bundled articles
# (an array job plus a dependent merge job), and the merged dataset
# compared byte for byte with one analyze run. Needs root (the
# daemons), slurm-wlm and munge (scripts/deps.sh installs them for tests).
# usage: test_slurm.sh PRESSTALLY_BIN SOURCE_DIR SHARED_DIR
set -euo pipefail
bin=$1 src=$2 shared=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v slurmctld >/dev/null && command -v munged >/dev/null ||
    fail "slurm-wlm and munge are not installed (PT_WITH_TEST_TOOLS=1 scripts/deps.sh)"
[ "$(id -u)" = 0 ] || fail "the Slurm test starts daemons and needs root"

work=$(mktemp -d "${TMPDIR:-/tmp}/pt-slurm.XXXXXX")
chmod 755 "$work"
started_munge=""
cleanup() {
    set +e
    SLURM_CONF=$work/slurm.conf scancel --quiet -u root 2>/dev/null
    for p in slurmd slurmctld; do
        [ -f "$work/$p.pid" ] && kill "$(cat "$work/$p.pid")" 2>/dev/null
    done
    [ -z "$started_munge" ] || pkill -f "munged --socket=$work" 2>/dev/null
    sleep 0.5
    rm -rf "$work"
}
trap cleanup EXIT

host=$(hostname -s)
read -r p1 p2 < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
mkdir -p "$work/spool" "$work/state" "$work/munge"
# A private munged, so that nothing outside the test is needed.
[ -f /etc/munge/munge.key ] || mungekey --create >/dev/null 2>&1 || fail "no munge key"
chown munge:munge "$work/munge"
su -s /bin/sh munge -c "/usr/sbin/munged --socket=$work/munge/munge.socket \
    --pid-file=$work/munge/munged.pid --log-file=$work/munge/munged.log" ||
    fail "munged did not start"
started_munge=1
cat > "$work/slurm.conf" <<CONF
ClusterName=ptest
SlurmctldHost=$host
SlurmctldPort=$p1
SlurmdPort=$p2
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
ReturnToService=2
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmdSpoolDir=$work/spool
StateSaveLocation=$work/state
SlurmUser=root
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
NodeName=$host CPUs=$(nproc) RealMemory=2000 State=UNKNOWN
PartitionName=ptest Nodes=$host Default=YES MaxTime=INFINITE State=UP
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
CONF
export SLURM_CONF=$work/slurm.conf
slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start: $(tail -3 "$work/slurmctld.log")"
slurmd -f "$SLURM_CONF" || fail "slurmd did not start: $(tail -3 "$work/slurmd.log")"
for _ in $(seq 60); do
    sinfo -h -o %T 2>/dev/null | grep -q idle && break
    sleep 0.5
done
sinfo -h -o %T | grep -q idle || fail "the node never became idle: $(tail -3 "$work/slurmctld.log")"

. "$src/tests/scripts/warc_samples.sh"
{ warc_samples "$src" "$shared"; ls "$src"/data/samples/*; } > "$work/list.txt"
(cd "$work" && PT_BIN=$bin bash "$src/scripts/slurm-submit.sh" list.txt "$work/out")
for _ in $(seq 240); do
    [ -z "$(squeue -h 2>/dev/null)" ] && break
    sleep 0.5
done
[ -z "$(squeue -h)" ] || fail "jobs still queued after 120 s: $(squeue -h | head -3)"
"$bin" analyze -q --no-summary --out "$work/single" $(cat "$work/list.txt") 2>/dev/null || [ $? = 4 ]
for f in articles mentions quotes cues figures timeline; do
    cmp -s "$work/out/$f.csv" "$work/single/$f.csv" ||
        fail "Slurm dataset $f.csv differs from one analyze run (logs: $(ls "$work"/*.log | head -3))"
done
n=$(grep -c . "$work/list.txt")
echo "slurm: $n array tasks and a dependent merge on a one-node cluster; dataset identical to one run"
