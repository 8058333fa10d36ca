//! A non-blocking UDP socket with the few options Godot's classes need.

use std::io;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::os::fd::{AsFd, AsRawFd, RawFd};
use std::time::Duration;

use socket2::{Domain, Protocol, Socket, Type};

use crate::error::{Error, Failure, Result};

/// Where to bind: Godot's `"*"` (every address, IPv4 and IPv6) or one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BindAddress {
    /// `"*"`: a dual-stack IPv6 socket that also receives IPv4.
    Any,
    /// One local address; the socket is of that address's family.
    Ip(IpAddr),
}

impl BindAddress {
    /// Parses Godot's bind address strings: `"*"` or an IP address.
    pub fn parse(text: &str) -> Result<Self> {
        if text == "*" {
            return Ok(BindAddress::Any);
        }
        text.parse().map(BindAddress::Ip).map_err(|_| {
            Failure::new(
                Error::ERR_INVALID_PARAMETER,
                format!("bind address '{text}' is neither \"*\" nor an IP address"),
            )
        })
    }
}

/// What a socket is for.
///
/// Godot binds every socket it is asked to bind with SO_REUSEADDR, so that
/// a restarted program gets its port back at once; gdtls does the same for
/// a port it is given, so that code written for Godot behaves the same. The price, with UDP on
/// Linux: any socket that also sets it, in any process of the same user,
/// can bind the same port, silently, and the newest one then receives the
/// datagrams (tests/godot_udp.rs shows Godot 3.2.3 doing so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SocketRole {
    /// A socket a peer opens to send before it was bound: an ephemeral
    /// port with the system's defaults.
    Ephemeral,
    /// A peer's `bind`: SO_REUSEADDR, as Godot's.
    Bound,
    /// A `UdpServer`'s socket: SO_REUSEADDR, and a large receive buffer, so
    /// that a burst of clients (each first sending a ClientHello) is queued
    /// rather than dropped by the system while the server is busy.
    Server,
}

/// The receive buffer a server socket asks for.
const SERVER_RECV_BUFFER: usize = 8 << 20;

/// An open, non-blocking UDP socket. socket2 sets it up; std's socket,
/// which it becomes, does the I/O.
pub(crate) struct UdpSocket {
    socket: std::net::UdpSocket,
    /// True for an IPv6 socket, which reaches IPv4 through mapped addresses.
    ipv6: bool,
}

fn os_failure(code: Error, what: &str, e: io::Error) -> Failure {
    Failure::new(code, format!("{what}: {e}"))
}

impl UdpSocket {
    /// Opens a socket bound to an ephemeral port of `toward`'s family, as
    /// Godot does for a peer that sends before it binds.
    pub(crate) fn open(toward: IpAddr) -> Result<Self> {
        let any = match toward {
            IpAddr::V4(_) => IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED),
            IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::UNSPECIFIED),
        };
        Self::bind(BindAddress::Ip(any), 0, SocketRole::Ephemeral)
    }

    /// Opens and binds a socket for `role`.
    pub(crate) fn bind(address: BindAddress, port: u16, role: SocketRole) -> Result<Self> {
        let (ip, toward) = match address {
            BindAddress::Any => (IpAddr::V6(Ipv6Addr::UNSPECIFIED), None),
            BindAddress::Ip(ip) => (ip, Some(ip)),
        };
        let ipv6 = !matches!(toward, Some(IpAddr::V4(_)));
        let domain = if ipv6 { Domain::IPV6 } else { Domain::IPV4 };
        let socket = Socket::new(domain, Type::DGRAM, Some(Protocol::UDP))
            .map_err(|e| os_failure(Error::ERR_CANT_CREATE, "cannot create a UDP socket", e))?;
        let setup = |what: &str, r: io::Result<()>| {
            r.map_err(|e| os_failure(Error::ERR_CANT_CREATE, what, e))
        };
        if toward.is_none() {
            setup(
                "cannot make the socket dual-stack",
                socket.set_only_v6(false),
            )?;
        }
        // Not for port 0: Linux may hand an SO_REUSEADDR socket asking for
        // any port one that another such socket holds, and two servers
        // would share it; a port the system picked has nothing to get back.
        if role != SocketRole::Ephemeral && port != 0 {
            setup("cannot set SO_REUSEADDR", socket.set_reuse_address(true))?;
        }
        if role == SocketRole::Server {
            // The system caps the size (net.core.rmem_max); what it grants
            // is still several times its default.
            setup(
                "cannot set SO_RCVBUF",
                socket.set_recv_buffer_size(SERVER_RECV_BUFFER),
            )?;
        }
        setup(
            "cannot make the socket non-blocking",
            socket.set_nonblocking(true),
        )?;
        socket
            .bind(&SocketAddr::new(ip, port).into())
            .map_err(|e| {
                os_failure(
                    Error::ERR_UNAVAILABLE,
                    &format!("cannot bind to {ip} port {port}"),
                    e,
                )
            })?;
        Ok(UdpSocket {
            socket: socket.into(),
            ipv6,
        })
    }

    /// The address as this socket's family wants it: IPv4 destinations
    /// become IPv4-mapped IPv6 addresses on an IPv6 socket.
    fn native(&self, addr: SocketAddr) -> SocketAddr {
        match (self.ipv6, addr) {
            (true, SocketAddr::V4(v4)) => {
                SocketAddr::new(IpAddr::V6(v4.ip().to_ipv6_mapped()), v4.port())
            }
            _ => addr,
        }
    }

    pub(crate) fn is_ipv6(&self) -> bool {
        self.ipv6
    }

    pub(crate) fn connect(&self, addr: SocketAddr) -> Result<()> {
        self.socket.connect(self.native(addr)).map_err(|e| {
            os_failure(
                Error::ERR_CANT_CONNECT,
                &format!("cannot connect to {addr}"),
                e,
            )
        })
    }

    pub(crate) fn local_port(&self) -> u16 {
        self.socket.local_addr().map_or(0, |a| a.port())
    }

    /// The socket's descriptor, for a host's poll or epoll.
    pub(crate) fn raw_fd(&self) -> RawFd {
        self.socket.as_raw_fd()
    }

    pub(crate) fn set_broadcast(&self, enabled: bool) -> Result<()> {
        self.socket
            .set_broadcast(enabled)
            .map_err(|e| os_failure(Error::FAILED, "cannot set SO_BROADCAST", e))
    }

    /// The index of the network interface called `name`; 0, "any", for
    /// an empty name.
    pub(crate) fn interface_index(&self, name: &str) -> Result<u32> {
        if name.is_empty() {
            return Ok(0);
        }
        rustix::net::netdevice::name_to_index(&self.socket, name).map_err(|e| {
            Failure::new(
                Error::ERR_INVALID_PARAMETER,
                format!("no network interface is called '{name}': {e}"),
            )
        })
    }

    /// Joins (or leaves) the multicast `group` on the interface of index
    /// `interface` (0: the one the system routes the group to).
    pub(crate) fn change_multicast(&self, group: IpAddr, interface: u32, join: bool) -> Result<()> {
        use socket2::{InterfaceIndexOrAddress, SockRef};
        let socket = SockRef::from(&self.socket);
        let done = match group {
            IpAddr::V4(v4) => {
                let on = InterfaceIndexOrAddress::Index(interface);
                if join {
                    socket.join_multicast_v4_n(&v4, &on)
                } else {
                    socket.leave_multicast_v4_n(&v4, &on)
                }
            }
            IpAddr::V6(_) if !self.ipv6 => {
                return Err(Failure::new(
                    Error::ERR_INVALID_PARAMETER,
                    format!(
                        "the IPv6 group {group} needs a peer bound to an IPv6 address or \"*\""
                    ),
                ))
            }
            IpAddr::V6(v6) if join => socket.join_multicast_v6(&v6, interface),
            IpAddr::V6(v6) => socket.leave_multicast_v6(&v6, interface),
        };
        let what = if join { "join" } else { "leave" };
        done.map_err(|e| {
            os_failure(
                Error::FAILED,
                &format!("cannot {what} the multicast group {group}"),
                e,
            )
        })
    }

    /// Sends one datagram, to `to` or (for `None`) to the connected address.
    pub(crate) fn send(&self, data: &[u8], to: Option<SocketAddr>) -> Result<()> {
        let sent = match to {
            Some(addr) => self.socket.send_to(data, self.native(addr)),
            None => self.socket.send(data),
        };
        match sent {
            Ok(n) if n == data.len() => Ok(()),
            Ok(n) => Err(Failure::new(
                Error::FAILED,
                format!("sent {n} of {} bytes", data.len()),
            )),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Err(Failure::new(
                Error::ERR_BUSY,
                "the socket's send buffer is full; try again",
            )),
            Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => Err(refused(e)),
            Err(e) => Err(os_failure(
                Error::FAILED,
                &format!("cannot send {} bytes", data.len()),
                e,
            )),
        }
    }

    /// Receives one datagram into `buf` if one is waiting. The source is
    /// reported in its canonical form (IPv4 for mapped addresses). On a
    /// connected socket, an ICMP "port unreachable" that came back for an
    /// earlier datagram is reported once, as `refused`, ahead of the
    /// datagrams still queued (the system reports it first).
    ///
    /// One system call a datagram, deliberately: measured on these machines
    /// with 1100-byte datagrams over loopback, recvmmsg in batches of 64
    /// took 288-314 ns a datagram against 292-330 ns for recv, and sendmmsg
    /// 676-693 ns against 708 ns for send. A 1-5% gain does not pay for
    /// the batch buffers and for delaying sends that Godot's API makes
    /// immediate.
    pub(crate) fn recv(&self, buf: &mut [u8]) -> Result<Option<(usize, SocketAddr)>> {
        loop {
            match self.socket.recv_from(buf) {
                Ok((n, from)) => return Ok(Some((n, canonical(from)))),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(None),
                Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => return Err(refused(e)),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(os_failure(Error::FAILED, "cannot receive", e)),
            }
        }
    }

    /// Blocks until a datagram is waiting or `timeout` passes (`None`: no
    /// limit). Returns whether one is waiting.
    pub(crate) fn wait_readable(&self, timeout: Option<Duration>) -> Result<bool> {
        use rustix::event::{poll, PollFd, PollFlags, Timespec};
        let timespec = timeout.map(|t| Timespec {
            tv_sec: t.as_secs().try_into().unwrap_or(i64::MAX),
            tv_nsec: t.subsec_nanos().into(),
        });
        loop {
            let fd = self.socket.as_fd();
            let mut fds = [PollFd::new(&fd, PollFlags::IN)];
            match poll(&mut fds, timespec.as_ref()) {
                Ok(n) => return Ok(n > 0),
                Err(rustix::io::Errno::INTR) => continue,
                Err(e) => {
                    return Err(os_failure(
                        Error::FAILED,
                        "cannot wait on the socket",
                        e.into(),
                    ))
                }
            }
        }
    }
}

/// What a connected socket reports when its destination answered a datagram
/// with ICMP "port unreachable": nothing listens there any more (a server
/// that was stopped or killed). `ERR_CONNECTION_ERROR` marks it as such for
/// the DTLS layer (see `Transport`).
fn refused(e: io::Error) -> Failure {
    os_failure(
        Error::ERR_CONNECTION_ERROR,
        "the peer's port is closed (ICMP port unreachable): nothing listens there",
        e,
    )
}

/// IPv4-mapped IPv6 addresses are reported as the IPv4 addresses they are,
/// as Godot does, so that one client has one address whatever the socket.
pub(crate) fn canonical(addr: SocketAddr) -> SocketAddr {
    SocketAddr::new(addr.ip().to_canonical(), addr.port())
}
