/* Copyright (c) Fortanix, Inc.
 *
 * Licensed under the GNU General Public License, version 2 <LICENSE-GPL or
 * https://www.gnu.org/licenses/gpl-2.0.html> or the Apache License, Version
 * 2.0 <LICENSE-APACHE or http://www.apache.org/licenses/LICENSE-2.0>, at your
 * option. This file may not be copied, modified, or distributed except
 * according to those terms. */

pub mod async_io;
pub mod ciphersuites;
pub mod config;
pub mod context;
pub mod cookie;
pub mod io;
pub mod ticket;

#[doc(inline)]
pub use self::ciphersuites::CipherSuite;
#[doc(inline)]
pub use self::config::{Config, UseSessionTickets, Version};
#[doc(inline)]
pub use self::context::Context;
#[doc(inline)]
pub use self::cookie::CookieContext;
#[doc(inline)]
pub use self::io::Io;
#[doc(inline)]
pub use self::ticket::TicketContext;
