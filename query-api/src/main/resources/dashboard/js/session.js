// The signed-in user's token, kept for this browser tab only (sessionStorage).

const KEY = "ledgerstream.session";

/** The stored session {token, userId, expiresAt}, or null. */
export function currentSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(KEY));
    return session && session.token && session.userId ? session : null;
  } catch {
    return null;
  }
}

export function saveSession({ token, userId, expiresAt }) {
  sessionStorage.setItem(KEY, JSON.stringify({ token, userId, expiresAt }));
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
}
