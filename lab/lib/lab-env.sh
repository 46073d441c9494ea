# shellcheck shell=bash
# shellcheck disable=SC2034 # the names are used by the scripts that source this file
# Shared by lab/up and lab/down: where the lab lives, its addresses, and how its processes are tracked.
# Sourced, not run. Every name the lab creates on the host starts with "vt-" or lives under $LAB_STATE,
# so lab/down can remove exactly what lab/up made and nothing else.

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../versions.env
source "$LAB_DIR/versions.env"
CACHE_DIR="${VAULT_TEST_CACHE:-$HOME/.cache/vault-test}"
BIN_DIR="$CACHE_DIR/bin"
LAB_STATE="${VAULT_TEST_LAB_STATE:-/var/tmp/vault-test-lab}"

# Addresses. The node address sits on a bridge of its own with no ports, so nothing of the lab depends on
# (or leaks to) the machine's real interfaces; pods reach the host, the API server and the KMS there.
LAB_NODE_BRIDGE="vt-node0"
# Outside kube-router's default cluster-IP range 10.96.0.0/12, whose traffic its firewall lets through: a node
# address inside it made every egress policy towards the node (API server, KMS) a no-op.
LAB_NODE_IP="10.200.0.1"
LAB_POD_BRIDGE="vt-cni0"
LAB_POD_CIDR="10.244.0.0/16"
LAB_NODE_POD_CIDR="10.244.0.0/24"
LAB_SERVICE_CIDR="10.96.0.0/16"
LAB_API_SERVICE_IP="10.96.0.1"
LAB_DNS_IP="10.96.0.10"
LAB_NODE_NAME="vault-test-lab"
LAB_API_PORT=6443
LAB_ETCD_CLIENT_PORT=23790
LAB_ETCD_PEER_PORT=23800
LAB_KMS_PORT=4599
# Where kubelet puts the pods' cgroups: one subtree of our own in every hierarchy, so lab/down can find
# every container process by its cgroup, even when containerd is gone.
LAB_CGROUP_ROOT="/vault-test-lab"

# Sysctls the lab or Kubernetes may change; lab/up records their values first, lab/down puts them back.
LAB_SYSCTLS=(
  net.ipv4.ip_forward
  net.ipv4.conf.all.route_localnet
  net.bridge.bridge-nf-call-iptables
  net.bridge.bridge-nf-call-ip6tables
  vm.overcommit_memory
  vm.panic_on_oom
  kernel.panic
  kernel.panic_on_oops
  kernel.keys.root_maxkeys
  kernel.keys.root_maxbytes
  net.netfilter.nf_conntrack_max
  net.netfilter.nf_conntrack_tcp_timeout_established
  net.netfilter.nf_conntrack_tcp_timeout_close_wait
)

lab_bin() { # NAME [VERSIONED-DIR]: the cached binary
  local name="$1" dir="${2:-}"
  if [[ -z "$dir" ]]; then
    case "$name" in
      kube-apiserver|kube-controller-manager|kube-scheduler|kube-proxy|kubelet|kubectl) dir="$name-$KUBERNETES_VERSION" ;;
      etcd) dir="etcd-$ETCD_VERSION" ;;
      containerd|ctr) dir="containerd-$CONTAINERD_VERSION" ;;
      containerd-shim-runc-v2) dir="containerd-shim-runc-v2-$CONTAINERD_VERSION" ;;
      runc) dir="runc-$RUNC_VERSION" ;;
      kube-router) dir="kube-router-$KUBE_ROUTER_VERSION" ;;
      vault) dir="vault-$VAULT_VERSION" ;;
      local-kms) dir="local-kms-$LOCAL_KMS_VERSION" ;;
      *) echo "lab: no cached binary is known by the name $name" >&2; return 1 ;;
    esac
  fi
  printf '%s/%s/%s\n' "$BIN_DIR" "$dir" "$name"
}

# A process is ours when its pid file names it and its start time (field 22 of /proc/PID/stat) still
# matches: a PID the kernel gave to another program since is never touched.
pid_file() { printf '%s/run/%s.pid\n' "$LAB_STATE" "$1"; }

start_time_of() { # PID
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"  # the command name may hold spaces; fields after it are plain
  # shellcheck disable=SC2086
  set -- $stat
  printf '%s\n' "${20}"
}

live_pid() { # NAME: prints the PID of the lab's live process NAME, or fails
  local file pid started
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 1
  read -r pid started < "$file" || return 1
  [[ -n "$pid" && "$(start_time_of "$pid" 2>/dev/null)" == "$started" ]] || return 1
  printf '%s\n' "$pid"
}
