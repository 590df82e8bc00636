/**
 * A WebSocket to the tradegym server that reconnects on its own: after a close it waits
 * 0.5 s, then doubles the wait up to 10 s, and resets once a connection opens.
 * Reports 'connecting' | 'connected' | 'offline' (with the seconds until the next attempt).
 */
export class ReconnectingSocket {
  /**
   * @param {string} url ws:// URL of the /ws endpoint
   * @param {{ onMessage: (msg: any) => void, onOpen: () => void, onStatus: (state: string, retryInSec?: number) => void }} handlers
   */
  constructor(url, handlers) {
    this.url = url;
    this.handlers = handlers;
    this.socket = null;
    this.delayMs = 500;
    this.timer = null;
  }

  /** Opens the first connection. */
  start() {
    this.connect();
  }

  /** Sends a JSON message; false when not connected. */
  send(message) {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  connect() {
    this.handlers.onStatus('connecting');
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.delayMs = 500;
      this.handlers.onStatus('connected');
      this.handlers.onOpen();
    });
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      this.handlers.onMessage(message);
    });
    socket.addEventListener('close', () => this.scheduleReconnect());
  }

  scheduleReconnect() {
    if (this.timer) return;
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, 10_000);
    this.handlers.onStatus('offline', Math.ceil(delay / 1000));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect();
    }, delay);
  }
}
