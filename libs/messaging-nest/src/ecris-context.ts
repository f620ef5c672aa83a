import { BaseRpcContext } from '@nestjs/microservices';
import type { EventMeta, MessageContext } from '@ecris/messaging';
import type { Logger } from '@ecris/logging';

/** What `@Ctx()` gives an `@EventPattern` handler: the record, its meta and a per-record logger. */
export class EcrisContext extends BaseRpcContext<[MessageContext]> {
  get message(): MessageContext {
    return this.args[0];
  }

  get meta(): EventMeta {
    return this.args[0].meta;
  }

  get log(): Logger {
    return this.args[0].log;
  }

  get topic(): string {
    return this.args[0].record.topic;
  }
}
