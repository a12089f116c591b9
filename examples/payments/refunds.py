# mq-lens: workload=online
"""Refund worker: a refund that fails is rejected without requeue, and no queue here has a dead-letter exchange."""
import json

import pika


def on_refund(channel, method, properties, body):
    try:
        refund = json.loads(body)
        issue_refund(refund)
    except Exception:
        log.exception("refund failed")
        channel.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
        return
    channel.basic_ack(delivery_tag=method.delivery_tag)


connection = pika.BlockingConnection(pika.URLParameters("amqp://guest:guest@rabbit:5672/%2F"))
channel = connection.channel()
channel.queue_declare(queue="refunds", durable=True)
channel.basic_consume(queue="refunds", on_message_callback=on_refund)
channel.start_consuming()
