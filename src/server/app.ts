// The application as a Fastify instance. The order of registration is the
// architecture: security plugins, the guard, then the modules' routes. main.ts
// starts it; the tests and the benchmark build it the same way.

import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { AppContext } from './context.js';
import { guardPlugin } from './access/guard.js';
import { AppError, fromDatabaseError } from './http/errors.js';
import { schemaErrorFormatter, ValidationFailure } from './http/validation.js';
import { validatorCompiler } from './http/validator.js';
import { ErrorResponse } from './http/schemas.js';
import authRoutes from './modules/auth/routes.js';
import staffRoutes from './modules/staff/routes.js';
import settingsRoutes from './modules/settings/routes.js';
import auditRoutes from './modules/audit/routes.js';
import consulteeRoutes from './modules/consultees/routes.js';
import caseRoutes from './modules/cases/routes.js';
import draftRoutes from './modules/drafts/routes.js';
import provisionRoutes from './modules/provisions/routes.js';
import exportRoutes from './modules/exports/routes.js';
import purposeRoutes from './modules/purposes/routes.js';
import agencyRoutes from './modules/agencies/routes.js';
import registerRoutes from './modules/register/routes.js';
import jointUseRoutes from './modules/joint-use/routes.js';
import publicProfileRoutes from './modules/public-profile/routes.js';
import outOfPurposeRoutes from './modules/out-of-purpose/routes.js';
import myNumberRoutes from './modules/my-number/routes.js';
import { systemRoutes } from './modules/system/routes.js';

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
  /** The built web app (dist/web), or null to serve none. */
  webRoot?: string | null;
  /** Extra routes, registered after the app's own (the benchmark's baseline endpoint). */
  extraRoutes?: (app: FastifyInstance) => Promise<void> | void;
}

/** Messages for Fastify's own 4xx errors, which otherwise arrive in English. */
const FASTIFY_ERRORS: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '送信形式が正しくありません（JSONで送信してください）',
  FST_ERR_CTP_EMPTY_JSON_BODY: '入力内容が空です',
  FST_ERR_CTP_INVALID_JSON_BODY: '入力内容を読み取れません',
  FST_ERR_CTP_BODY_TOO_LARGE: '入力内容が大きすぎます',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '入力内容の長さが正しくありません',
  FST_ERR_BAD_URL: 'アドレスが正しくありません',
  FST_ERR_MAX_PARAM_LENGTH: 'アドレスが長すぎます',
};

/** The path of the first string containing U+0000, or null. */
function findNulCharacter(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNulCharacter(item, path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return path || key;
      const found = findNulCharacter(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    schemaErrorFormatter,
    // A malformed or over-long address is answered before routing: in Japanese, without echoing it.
    frameworkErrors: (error, _req, reply) => {
      void (reply as FastifyReply)
        .code(400)
        .send({ code: 'bad_request', message: FASTIFY_ERRORS[error.code] ?? 'リクエストが正しくありません' });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.decorate('ctx', ctx);
  // The request id doubles as the 受付番号 a user can quote when something goes wrong.
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(rateLimit, {
    global: true,
    max: ctx.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      code: 'rate_limited',
      message: `操作が多すぎます。${Math.ceil(context.ttl / 1000)}秒ほど待ってから再度お試しください`,
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '自立相談支援 ケース管理システム API',
        version: '0.1.0',
        description:
          'Casework for self-reliance support consultation agencies, with personal-information protection built in.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jss_session' } } },
      security: [{ session: [] }],
    },
  });
  app.addSchema(ErrorResponse);
  await app.register(guardPlugin, { db: ctx.db });

  app.setErrorHandler((error, req, reply) => {
    if (error instanceof ValidationFailure) {
      return reply
        .code(400)
        .send({ code: error.code, message: error.message, errors: error.errors, field: error.errors[0]?.field });
    }
    if (error instanceof AppError) {
      return reply.code(error.statusCode).send({
        code: error.code,
        message: error.message,
        ...(error.field ? { field: error.field } : {}),
      });
    }
    const refused = fromDatabaseError(error);
    if (refused) {
      // A check the service should have made first: worth a look, not an alarm.
      req.log.warn({ err: error }, 'refused by a database constraint');
      return reply.code(refused.statusCode).send({ code: refused.code, message: refused.message });
    }
    const fastifyError = error as { statusCode?: number; code?: string; message: string };
    const status = fastifyError.statusCode ?? 500;
    if (status === 429) {
      return reply.code(429).send({ code: 'rate_limited', message: fastifyError.message });
    }
    if (status >= 400 && status < 500) {
      return reply.code(status).send({
        code: 'bad_request',
        message: FASTIFY_ERRORS[fastifyError.code ?? ''] ?? 'リクエストが正しくありません',
      });
    }
    req.log.error({ err: error }, 'request failed');
    return reply.code(500).send({
      code: 'internal',
      message: `システムエラーが発生しました。時間をおいて再度お試しください（受付番号: ${req.id}）`,
      requestId: req.id,
    });
  });

  // PostgreSQL text cannot hold U+0000, and no field needs it: refuse it up front with a clear
  // message instead of failing in the database.
  app.addHook('preValidation', async (req) => {
    for (const [section, value] of [
      ['body', req.body],
      ['querystring', req.query],
      ['params', req.params],
    ] as const) {
      const field = findNulCharacter(value);
      if (field !== null)
        throw new AppError(400, 'invalid', `「${field || section}」に使用できない文字が含まれています`, field);
    }
  });

  // Unknown paths are rate limited like everything else, so ids cannot be probed quickly.
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ code: 'not_found', message: '見つかりません' }));

  await app.register(authRoutes);
  await app.register(staffRoutes);
  await app.register(settingsRoutes);
  await app.register(auditRoutes);
  await app.register(consulteeRoutes);
  await app.register(caseRoutes);
  await app.register(draftRoutes);
  await app.register(provisionRoutes);
  await app.register(exportRoutes);
  await app.register(purposeRoutes);
  await app.register(agencyRoutes);
  await app.register(registerRoutes);
  await app.register(jointUseRoutes);
  await app.register(publicProfileRoutes);
  await app.register(outOfPurposeRoutes);
  await app.register(myNumberRoutes);
  if (options.extraRoutes) await app.register(async (child) => options.extraRoutes?.(child));
  await app.register(systemRoutes, { webRoot: options.webRoot ?? null });
  await app.ready();
  return app;
}
