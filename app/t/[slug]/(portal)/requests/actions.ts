"use server";
// Portal > Service requests: record a guest's request on their booking, move it open → in
// progress → done, and give it to a member of the team. Everyone on the team
// (service_requests.write); the hotel is the one of this request's host.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { refusable } from "@/components/hotel/refusal";
import { getDb } from "@/db/client";
import { serviceRequestStatusSchema } from "@/lib/hotel/schemas";
import {
  assignServiceRequest,
  createServiceRequest,
  type ServiceRequest,
  serviceRequestInputSchema,
  setServiceRequestStatus,
} from "@/lib/hotel/service-requests";
import { tenantAction } from "@/lib/safe-action";

// Requests show on their booking, this page and the dashboard.
const refresh = () => revalidatePath("/", "layout");
const summary = (r: ServiceRequest) => ({ id: r.id, status: r.status, assigneeUserId: r.assigneeUserId });
const requestRef = z.object({ requestId: z.uuid() });

export const createServiceRequestAction = tenantAction("service_requests.write")
  .inputSchema(serviceRequestInputSchema)
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const request = await createServiceRequest(await getDb(), {
        tenantId: ctx.tenant.id,
        input: parsedInput,
        actor: ctx.actor,
      });
      refresh();
      return summary(request);
    }),
  );

export const setServiceRequestStatusAction = tenantAction("service_requests.write")
  .inputSchema(requestRef.extend({ status: serviceRequestStatusSchema }))
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const request = await setServiceRequestStatus(await getDb(), {
        ...parsedInput,
        tenantId: ctx.tenant.id,
        actor: ctx.actor,
      });
      refresh();
      return summary(request);
    }),
  );

export const assignServiceRequestAction = tenantAction("service_requests.write")
  .inputSchema(requestRef.extend({ assigneeUserId: z.uuid().nullable() }))
  .action(({ parsedInput, ctx }) =>
    refusable(async () => {
      const request = await assignServiceRequest(await getDb(), {
        ...parsedInput,
        tenantId: ctx.tenant.id,
        actor: ctx.actor,
      });
      refresh();
      return summary(request);
    }),
  );
