// smpp 0.5.1 ships no types; the parts the SMS adapter and its test SMSC use.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  /** A PDU's header and, once decoded, its fields by their SMPP names (`destination_addr`, `message_id`…). */
  export interface Pdu {
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    isResponse(): boolean;
    /** The matching `…_resp`, same sequence number; a non-zero `command_status` sends the header alone. */
    response(fields?: Record<string, unknown>): Pdu;
  }

  /** A decoded `short_message`: text decoded per data_coding, the UDH split into information elements. */
  export interface ShortMessage {
    udh?: Buffer[];
    message: string;
  }

  export interface Session extends EventEmitter {
    socket: Socket;
    /** Assigns the sequence number of a request; false (and no callback, ever) when the socket is not writable. */
    send(pdu: Pdu, onResponse?: (response: Pdu) => void, onWritten?: (pdu: Pdu) => void): boolean;
    /** Ends the socket. */
    close(onClose?: () => void): void;
    destroy(onClose?: () => void): void;
  }

  export interface Server extends NetServer {
    sessions: Session[];
  }

  export interface ConnectOptions {
    host: string;
    port: number;
    tls?: boolean;
  }

  interface Smpp {
    PDU: new (command: string, fields?: Record<string, unknown>) => Pdu;
    /** Connects at once; 'connect' (or 'secureConnect' with `tls`) once the socket is open. */
    connect(options: ConnectOptions): Session;
    /** `listener` receives a session per accepted socket. */
    createServer(listener: (session: Session) => void): Server;
    errors: Record<string, number>;
  }

  const smpp: Smpp;
  export default smpp;
}
