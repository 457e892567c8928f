#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, with accounting, for the Slurm test:
#   tests/slurm/cluster.sh start DIR   # munge, MariaDB, slurmdbd, slurmctld, slurmd
#   tests/slurm/cluster.sh stop DIR    # cancels the jobs, stops them all, checks none is left
# Needs root and Debian's slurm-wlm, slurmdbd, munge and mariadb-server. Everything it
# writes (configuration, state, logs, the database) stays in DIR, but for one link:
# /etc/slurm/slurm.conf, where Slurm's commands look for the configuration (the executor
# starts each job's step with SLURM_CONF removed from its environment, so inside a job only
# the default place works, as on a real cluster). It never replaces a configuration of the
# machine's own, and stop removes the link.
set -euo pipefail
action=${1:?start or stop}
dir=$(realpath -m "${2:?a folder for the cluster}")
conf=$dir/etc/slurm.conf
default_conf=/etc/slurm/slurm.conf
node=$(hostname)

start() {
    # (a dangling link, left by a test cluster that could not stop, is replaced)
    if [ -e "$default_conf" ]; then
        echo "$default_conf exists: this machine has a Slurm configuration of its own," \
             "which the test cluster will not replace" >&2
        exit 1
    fi
    mkdir -p "$dir"/{etc,state,spool,log,mysql,run}
    chown -R slurm:slurm "$dir"/{state,spool,log}
    chown -R mysql:mysql "$dir"/mysql
    chmod 1777 "$dir"/run  # the pid files and socket of daemons running as slurm and mysql
    # munge: the key Debian's package made, its socket in the usual place
    mkdir -p /run/munge && chown munge:munge /run/munge
    if ! pgrep -x munged >/dev/null; then
        su -s /bin/sh munge -c /usr/sbin/munged && touch "$dir/run/munged.ours"
    fi
    # MariaDB for the accounting database, its own data folder and socket
    mysql_install_db --user=mysql --datadir="$dir/mysql" >"$dir/log/mysql-install.log" 2>&1
    mysqld --user=mysql --datadir="$dir/mysql" --socket="$dir/run/mysql.sock" \
        --pid-file="$dir/run/mysql.pid" --skip-networking=0 --bind-address=127.0.0.1 \
        --port=3307 >"$dir/log/mysql.log" 2>&1 &
    for _ in $(seq 60); do [ -S "$dir/run/mysql.sock" ] && break; sleep 0.5; done
    mysql --socket="$dir/run/mysql.sock" -e "CREATE DATABASE slurm_acct_db;
        CREATE USER 'slurm'@'localhost' IDENTIFIED BY 'slurm';
        GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost';"
    cat >"$dir/etc/slurmdbd.conf" <<CONF
AuthType=auth/munge
DbdHost=localhost
SlurmUser=slurm
LogFile=$dir/log/slurmdbd.log
PidFile=$dir/run/slurmdbd.pid
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=3307
StorageUser=slurm
StoragePass=slurm
StorageLoc=slurm_acct_db
CONF
    chown slurm:slurm "$dir/etc/slurmdbd.conf" && chmod 600 "$dir/etc/slurmdbd.conf"
    # Memory is enforced by polling (OverMemoryKill), which needs no cgroup delegation.
    cat >"$conf" <<CONF
ClusterName=local
SlurmctldHost=$node
SlurmUser=slurm
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=task=1
JobAcctGatherParams=OverMemoryKill
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
AccountingStoreFlags=job_comment
MpiDefault=none
ReturnToService=2
NodeName=$node CPUs=$(nproc) RealMemory=$(( $(free -m | awk '/^Mem:/ {print $2}') * 9 / 10 )) State=UNKNOWN
PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
    mkdir -p "$(dirname "$default_conf")" && ln -sfn "$conf" "$default_conf"
    su -s /bin/sh slurm -c "SLURM_CONF=$conf /usr/sbin/slurmdbd"  # slurmdbd.conf beside it
    for _ in $(seq 60); do sacctmgr -n list cluster >/dev/null 2>&1 && break; sleep 0.5; done
    sacctmgr -i add cluster local >/dev/null
    /usr/sbin/slurmctld -f "$conf"
    /usr/sbin/slurmd -f "$conf"
    for _ in $(seq 60); do sinfo -h -o %T 2>/dev/null | grep -qx idle && break; sleep 0.5; done
    sinfo -h -o %T | grep -qx idle || { echo "the node did not come up; see $dir/log" >&2; exit 1; }
}

running() {  # the daemons and job steps still alive (a zombie is not)
    ps -e -o stat=,comm= | awk '$1 !~ /^Z/ {print $2}' \
        | grep -xE 'slurmd|slurmctld|slurmdbd|slurmstepd|munged|mysqld|mariadbd' | sort -u \
        | { if [ -f "$dir/run/munged.ours" ]; then cat; else grep -vx munged; fi; } | xargs
}

wait_until_stopped() {
    for _ in $(seq "$1"); do
        [ -z "$(running)" ] && return 0
        sleep 0.5
    done
    return 1
}

stop() {
    if [ -L "$default_conf" ] && [ "$(readlink "$default_conf")" = "$conf" ]; then
        scancel --user=root 2>/dev/null || true
        for _ in $(seq 60); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.5; done
    fi
    for daemon in slurmd slurmctld slurmdbd; do pkill -x "$daemon" || true; done
    if [ -f "$dir/run/mysql.pid" ]; then kill "$(cat "$dir/run/mysql.pid")" 2>/dev/null || true; fi
    if [ -f "$dir/run/munged.ours" ]; then pkill -x munged || true; fi
    if ! wait_until_stopped 60; then  # a job step whose controller is gone waits forever
        for process in slurmstepd slurmd slurmctld slurmdbd; do pkill -9 -x "$process" || true; done
        wait_until_stopped 20 || { echo "still running: $(running)" >&2; return 1; }
    fi
    if [ -L "$default_conf" ] && [ "$(readlink "$default_conf")" = "$conf" ]; then
        rm "$default_conf"
    fi
}

"$action"
