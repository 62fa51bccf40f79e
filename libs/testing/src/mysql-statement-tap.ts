import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

const COM_QUERY = 0x03;
const COM_STMT_PREPARE = 0x16;
const COM_STMT_EXECUTE = 0x17;

/** Splits a byte stream into MySQL packets (3-byte length, 1-byte sequence id, payload). */
class PacketReader {
  private buffered = Buffer.alloc(0);

  constructor(private readonly onPacket: (sequence: number, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    while (this.buffered.length >= 4) {
      const length = this.buffered.readUIntLE(0, 3);
      if (this.buffered.length < 4 + length) return;
      this.onPacket(this.buffered[3], this.buffered.subarray(4, 4 + length));
      this.buffered = this.buffered.subarray(4 + length);
    }
  }
}

/**
 * A TCP proxy in front of a MySQL server that records the SQL its clients send: text queries,
 * prepared statements when prepared and each time they are executed (the statement id is matched
 * with the server's answer to the prepare). A test points one connection URL through it to see
 * which statements took that road, without any server-side logging.
 */
export class MysqlStatementTap {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private seen: string[] = [];
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** The statements sent since the last `clear()`, in order. */
  get statements(): readonly string[] {
    return this.seen;
  }

  clear(): void {
    this.seen = [];
  }

  /** Listens on a free port, or on the port it had before `stop()`, so a URL through it stays valid. */
  async start(): Promise<this> {
    this.server = createServer((client) => this.relay(client));
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Drops every connection and stops listening: new connections are refused, as by a server that is down. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  private relay(client: Socket): void {
    const upstream = createConnection({ host: this.targetHost, port: this.targetPort });
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    const prepared = new Map<number, string>();
    let preparing: string | null = null;
    const fromClient = new PacketReader((sequence, payload) => {
      if (sequence !== 0) return; // handshake and authentication packets; a command starts at 0
      preparing = null;
      const command = payload[0];
      if (command === COM_QUERY) this.seen.push(payload.subarray(1).toString('utf8'));
      if (command === COM_STMT_PREPARE) preparing = payload.subarray(1).toString('utf8');
      if (command === COM_STMT_EXECUTE) this.seen.push(prepared.get(payload.readUInt32LE(1)) ?? '(unknown prepared statement)');
    });
    const fromServer = new PacketReader((sequence, payload) => {
      // COM_STMT_PREPARE_OK: status 0x00, then the statement id; the statement runs at EXECUTE
      if (preparing !== null && sequence === 1 && payload[0] === 0x00) prepared.set(payload.readUInt32LE(1), preparing);
      preparing = null;
    });
    client.on('data', (chunk: Buffer) => {
      fromClient.push(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      fromServer.push(chunk);
      client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}
