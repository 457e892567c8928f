#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, with accounting, for the Slurm test:
#   tests/slurm/cluster.sh start DIR   # munge, MariaDB, slurmdbd, slurmctld, slurmd; prints
#                                      # the SLURM_CONF to export
#   tests/slurm/cluster.sh stop DIR    # stops them all and checks that none is left
# Needs root and Debian's slurm-wlm, slurmdbd, munge and mariadb-server. Everything it
# writes (configuration, state, logs, the database) stays in DIR.
set -euo pipefail
action=${1:?start or stop}
dir=$(realpath -m "${2:?a folder for the cluster}")
conf=$dir/etc/slurm.conf
node=$(hostname)

start() {
    mkdir -p "$dir"/{etc,state,spool,log,mysql,run}
    chown -R slurm:slurm "$dir"/{state,spool,log}
    chown -R mysql:mysql "$dir"/mysql
    chmod 1777 "$dir"/run  # the pid files and socket of daemons running as slurm and mysql
    # munge: the key Debian's package made, its socket in the usual place
    mkdir -p /run/munge && chown munge:munge /run/munge
    pgrep -x munged >/dev/null || su -s /bin/sh munge -c /usr/sbin/munged
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
    export SLURM_CONF=$conf
    su -s /bin/sh slurm -c "SLURM_CONF=$conf /usr/sbin/slurmdbd"
    for _ in $(seq 60); do sacctmgr -n list cluster >/dev/null 2>&1 && break; sleep 0.5; done
    sacctmgr -i add cluster local >/dev/null
    /usr/sbin/slurmctld -f "$conf"
    /usr/sbin/slurmd -f "$conf"
    for _ in $(seq 60); do sinfo -h -o %T 2>/dev/null | grep -qx idle && break; sleep 0.5; done
    sinfo -h -o %T | grep -qx idle || { echo "the node did not come up; see $dir/log" >&2; exit 1; }
    echo "export SLURM_CONF=$conf"
}

running() {
    for daemon in slurmd slurmctld slurmdbd munged mysqld mariadbd; do
        pgrep -x "$daemon" >/dev/null && echo -n "$daemon "
    done
    return 0
}

stop() {
    export SLURM_CONF=$conf
    scancel --user=root 2>/dev/null || true
    for daemon in slurmd slurmctld slurmdbd; do pkill -x "$daemon" || true; done
    if [ -f "$dir/run/mysql.pid" ]; then kill "$(cat "$dir/run/mysql.pid")" 2>/dev/null || true; fi
    pkill -x munged || true
    for _ in $(seq 60); do
        [ -z "$(running)" ] && return 0
        sleep 0.5
    done
    echo "still running: $(running)" >&2
    return 1
}

"$action"
