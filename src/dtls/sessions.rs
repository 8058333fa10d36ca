//! The sessions a client's options established, kept to resume them: a
//! reconnection to the same server with the same options then makes an
//! abbreviated handshake (no certificates, no key exchange).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::mbedtls_ext::SavedSession;

/// The most sessions one options object keeps; past it, an arbitrary one
/// makes room.
const MAX_SESSIONS: usize = 256;

/// Which server a session was established with: its address (when the
/// transport has one) and the name its certificate was checked for.
pub(crate) type ServerKey = (Option<SocketAddr>, String);

/// The sessions of one `TlsOptions`, shared with the connections made
/// from it, which save theirs when their handshake ends.
#[derive(Default)]
pub(crate) struct SessionStore {
    sessions: Mutex<HashMap<ServerKey, Arc<SavedSession>>>,
}

impl SessionStore {
    fn lock(&self) -> MutexGuard<'_, HashMap<ServerKey, Arc<SavedSession>>> {
        self.sessions.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The session to offer `server`, if one was saved.
    pub(crate) fn get(&self, server: &ServerKey) -> Option<Arc<SavedSession>> {
        self.lock().get(server).cloned()
    }

    pub(crate) fn save(&self, server: ServerKey, session: SavedSession) {
        let mut sessions = self.lock();
        if sessions.len() >= MAX_SESSIONS && !sessions.contains_key(&server) {
            if let Some(any) = sessions.keys().next().cloned() {
                sessions.remove(&any);
            }
        }
        sessions.insert(server, Arc::new(session));
    }

    pub(crate) fn forget(&self, server: &ServerKey) {
        self.lock().remove(server);
    }

    /// Forgets every session: what they were verified against has changed.
    pub(crate) fn clear(&self) {
        self.lock().clear();
    }
}
