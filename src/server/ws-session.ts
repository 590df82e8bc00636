import type { FastifyBaseLogger } from 'fastify';
import { isTradegymError } from '../core/errors.js';
import type { SimulationRequest } from './api-schemas.js';
import { ClientChannel, type ClientChannelOptions } from './client-channel.js';
import { parseClientMessage } from './parse-client-message.js';
import { PROTOCOL_VERSION, type ClientMessage, type HelloMessage, type RunInfo, type ServerMessage } from './protocol.js';
import { ProtocolError } from './protocol-error.js';
import type { RunHub } from './run-hub.js';
import { TokenBucket } from './token-bucket.js';
import { WS_OPEN, type WsSocket } from './ws-socket.js';

/** Per-client limits on incoming messages (announced in `hello`). */
export interface SessionLimits {
  /** Largest accepted frame, in bytes; larger ones get E_TOO_LARGE. */
  maxMessageBytes: number;
  /** Sustained message rate, per second (token-bucket refill). */
  messagesPerSecond: number;
  /** Largest burst of messages (token-bucket capacity). */
  burst: number;
}

/** Starts a simulation from a validated request and returns its run id (the launcher). */
export interface SimulationStarter {
  start(request: SimulationRequest): Promise<string>;
}

/** What a session needs from the server. */
export interface SessionDeps {
  hub: RunHub;
  simulations: SimulationStarter;
  limits: SessionLimits;
  channel?: ClientChannelOptions;
  log: FastifyBaseLogger;
}

/** Capabilities announced in `hello`. */
export const CAPABILITIES = ['subscribe', 'simulation', 'training-stream', 'coalesced-bars'];

/** Rate-limited frames tolerated in a row before the client is disconnected (1008). */
const MAX_DROPPED_IN_A_ROW = 1000;

/**
 * One WebSocket client: greets it, validates and rate-limits what it sends (every problem
 * becomes an `error` message to this client only), runs its commands against the hub, and
 * sends it telemetry through a bounded {@link ClientChannel}. Disconnecting only removes
 * the client's subscriptions; runs go on.
 */
export class WsSession {
  readonly channel: ClientChannel;
  private readonly bucket: TokenBucket;
  private readonly started = new Set<string>();
  private readonly subscribed = new Set<string>();
  private droppedInARow = 0;
  private closed = false;

  constructor(
    private readonly socket: WsSocket,
    private readonly deps: SessionDeps,
  ) {
    this.channel = new ClientChannel(socket, deps.channel);
    this.bucket = new TokenBucket(deps.limits.burst, deps.limits.messagesPerSecond);
    socket.on('message', (data, isBinary) => this.onFrame(toBuffer(data), isBinary));
    socket.on('close', () => this.dispose());
    socket.on('error', (error) => deps.log.warn({ err: error }, 'websocket client error'));
    const hello: HelloMessage = { type: 'hello', version: PROTOCOL_VERSION, server: 'tradegym', capabilities: CAPABILITIES, limits: { ...deps.limits } };
    this.sendOwn(hello);
    this.sendRunList(deps.hub.list());
  }

  /** Sends the current run list (coalesced: a slow client only gets the latest). */
  sendRunList(runs: RunInfo[]): void {
    this.channel.send({ data: JSON.stringify({ type: 'runs', runs } satisfies ServerMessage), coalesceKey: 'runs' });
  }

  /** Flushes what is queued and closes the socket (server shutdown). */
  close(code: number, reason: string): void {
    this.channel.flushAll();
    this.socket.close(code, reason);
    this.dispose();
  }

  private onFrame(frame: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!this.bucket.tryTake()) return this.onRateLimited();
    this.droppedInARow = 0;
    let message: ClientMessage;
    try {
      message = parseClientMessage(frame, isBinary, this.deps.limits.maxMessageBytes);
    } catch (e) {
      return this.sendError(e, e instanceof ProtocolError ? e.requestId : undefined);
    }
    this.dispatch(message).catch((e: unknown) => this.sendError(e, message.requestId, 'runId' in message ? message.runId : undefined));
  }

  private onRateLimited(): void {
    this.droppedInARow++;
    if (this.droppedInARow === 1) {
      const { messagesPerSecond, burst } = this.deps.limits;
      this.sendError(new ProtocolError('E_RATE_LIMITED', `too many messages: at most ${burst} at once and ${messagesPerSecond} per second; messages are dropped until the rate falls`), undefined);
    } else if (this.droppedInARow > MAX_DROPPED_IN_A_ROW) {
      this.deps.log.warn('closing a websocket client that keeps flooding');
      this.close(1008, 'rate limit exceeded repeatedly');
    }
  }

  private async dispatch(message: ClientMessage): Promise<void> {
    const { hub } = this.deps;
    switch (message.type) {
      case 'subscribe':
        if (!hub.get(message.runId)) throw new ProtocolError('E_UNKNOWN_RUN', `no run "${message.runId}"; pick one from the run list`);
        this.subscribed.add(message.runId);
        this.ack(message.type, message.runId, message.requestId);
        hub.subscribe(message.runId, this.channel);
        return;
      case 'unsubscribe':
        this.subscribed.delete(message.runId);
        hub.unsubscribe(message.runId, this.channel);
        return this.ack(message.type, message.runId, message.requestId);
      case 'sim.start': {
        const { type: _type, requestId, ...request } = message;
        const runId = await this.deps.simulations.start(request);
        this.started.add(runId);
        if (this.closed) return;
        this.ack(message.type, runId, requestId);
        hub.subscribe(runId, this.channel);
        return;
      }
      default:
        return this.control(message);
    }
  }

  private control(message: Extract<ClientMessage, { type: 'sim.pause' | 'sim.resume' | 'sim.stop' | 'sim.speed' }>): void {
    const { runId } = message;
    if (!this.deps.hub.get(runId)) throw new ProtocolError('E_UNKNOWN_RUN', `no run "${runId}"`);
    if (!this.started.has(runId) && !this.subscribed.has(runId)) {
      throw new ProtocolError('E_NOT_ALLOWED', `run "${runId}" can only be controlled by a client that started or subscribed to it; send {"type":"subscribe","runId":"${runId}"} first`);
    }
    const control = this.deps.hub.control(runId);
    if (!control) throw new ProtocolError('E_NOT_CONTROLLABLE', `run "${runId}" takes no commands (it has finished or is not a simulation)`);
    if (message.type === 'sim.pause') control.pause();
    else if (message.type === 'sim.resume') control.resume();
    else if (message.type === 'sim.stop') control.stop();
    else control.setSpeed(message.speed);
    this.ack(message.type, runId, message.requestId);
  }

  private ack(command: string, runId: string | undefined, requestId: string | undefined): void {
    this.sendOwn({ type: 'ack', command, ...(runId !== undefined && { runId }), ...(requestId !== undefined && { requestId }) });
  }

  private sendError(error: unknown, requestId: string | undefined, runId?: string): void {
    let code: string = 'E_INTERNAL';
    let text = 'internal error; see the server log';
    if (error instanceof ProtocolError || isTradegymError(error)) {
      code = error.code;
      text = error.message;
    } else {
      this.deps.log.error({ err: error }, 'websocket command failed');
    }
    this.sendOwn({ type: 'error', code, message: text, ...(requestId !== undefined && { requestId }), ...(runId !== undefined && { runId }) });
  }

  private sendOwn(message: ServerMessage): void {
    if (this.socket.readyState !== WS_OPEN) return;
    this.channel.send({ data: JSON.stringify(message), coalesceKey: null });
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.deps.hub.removeSubscriber(this.channel);
    this.channel.dispose();
  }
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
